import NotesCLI

NotesCommand.mainChecked()
