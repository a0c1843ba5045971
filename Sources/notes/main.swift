import NotesCLI

NotesCommand.main()
