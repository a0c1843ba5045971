import ArgumentParser
import Foundation
import Notebook

/// `notes`: builds executable course pages from Markdown lessons. Bare `notes` prints help,
/// as Quarto and Jupyter Book do: nothing is written without a subcommand.
public struct NotesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Turns Markdown lessons with experiment directives into executed HTML course pages.",
        version: NotesVersion.current,
        subcommands: [Build.self, Check.self, Freeze.self, New.self, List.self, Clean.self, Serve.self, Directives.self]
    )
    public init() {}

    /// Names a user may type as the first argument.
    static var subcommandNames: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }
}

/// The version `notes --version` prints.
public enum NotesVersion {
    public static let current = "0.5.0"
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// Where the lessons are.
struct NotesFolderOption: ParsableArguments {
    @Option(name: .long, help: "Folder with the lessons (*.md).")
    var notes: String = "Notes"
}

/// Where the site goes.
struct OutputFolderOption: ParsableArguments {
    @Option(name: .long, help: "Folder the site is written to.")
    var output: String = "Output"
}

/// Which lessons.
struct LessonSelection: ParsableArguments {
    @Option(name: .customLong("lesson"), help: "Only this lesson (its file name without .md); repeatable.")
    var lessons: [String] = []
}

/// How experiments run.
struct RunOptions: ParsableArguments {
    @Option(name: .long, help: "Folder where experiment results are cached between builds.")
    var cache: String = ".notes-cache"

    @Flag(name: .customLong("no-cache"), help: "Run every experiment afresh; neither read nor write the cache.")
    var noCache = false

    @Option(name: .shortAndLong, help: "How many experiments may run at once (the cores are divided among them; results do not depend on it).")
    var jobs: Int = RunOptions.defaultJobs

    /// One experiment per core, at most 4 (each holds its data and models in memory). Measured
    /// on 2 cores (AMD EPYC Zen 4), cold course check: --jobs 2 with one thread each took
    /// 114–130 s and peaked at 1.1 GB; --jobs 1 with two threads took 182 s.
    static var defaultJobs: Int { min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    mutating func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard jobs <= 64 else { throw ValidationError("--jobs must be at most 64") }
    }
}

/// Turns the options a subcommand has into `BuildOptions`; refuses empty folder names here,
/// since an empty path would otherwise mean the working folder.
func buildOptions(notes: String, output: String?, lessons: [String] = [], run: RunOptions?,
                  force: Bool = false) throws -> BuildOptions {
    try buildOptions(notes: notes, output: output, lessons: lessons,
                     cache: (run?.noCache ?? true) ? nil : run?.cache, jobs: run?.jobs ?? 1, force: force)
}

func buildOptions(notes: String, output: String?, lessons: [String] = [], cache: String?, jobs: Int = 1,
                  force: Bool = false) throws -> BuildOptions {
    for (flag, value) in [("--notes", notes), ("--output", output), ("--cache", cache)] {
        if let value, value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("\(flag) is empty; name a folder")
        }
    }
    var options = BuildOptions(notesFolder: URL(fileURLWithPath: notes),
                               outputFolder: URL(fileURLWithPath: output ?? "Output"),
                               lessons: lessons,
                               displayPrefix: notes.hasSuffix("/") ? String(notes.dropLast()) : notes,
                               cacheFolder: cache.map { URL(fileURLWithPath: $0) },
                               jobs: jobs)
    options.force = force
    return options
}

extension NotesCommand {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Runs every directive and writes the pages into the output folder.",
            discussion: """
                Exits with 1 when any lesson has an error; the other blocks and pages are still written. \
                notes deletes only files it wrote (listed in the output folder's .notes-manifest).
                """)
        @OptionGroup var notes: NotesFolderOption
        @OptionGroup var output: OutputFolderOption
        @OptionGroup var selection: LessonSelection
        @OptionGroup var runOptions: RunOptions
        @Flag(help: "Write into an output folder that is not empty and was not written by notes.")
        var force = false
        @Flag(help: "Also record new results in the freeze (<notes>/_freeze) and remove entries no lesson uses, as notes freeze does.")
        var freeze = false
        @Option(help: "How diagnostics are printed: text (stderr; with the source line and a caret on a terminal), json (one object per line on stdout, with fix-its) or github (GitHub Actions annotations on stdout).")
        var diagnostics: DiagnosticFormat = .text

        func run() throws {
            var options = try buildOptions(notes: notes.notes, output: output.output, lessons: selection.lessons,
                                           run: runOptions, force: force)
            options.writesFreeze = freeze
            var action = BuildAction(options: options)
            action.format = diagnostics
            let code = action.run(console: .standard)
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Runs every directive afresh and checks the results against the freeze, without touching the output folder.",
            discussion: """
                Prints all diagnostics; exits with 1 on any error (with --strict, on any warning too). \
                When the course has a freeze (<notes>/_freeze), a result that differs from its frozen one, a result \
                the freeze lacks and a frozen entry no lesson uses are errors. With --cached, results come from the \
                cache and the freeze instead (quick, but proves nothing about them). With --reproduce, any file that \
                differs from the committed site (timings and cache status aside, which pages mark data-volatile) is \
                an error too. Meant for CI.
                """)
        @OptionGroup var notes: NotesFolderOption
        @OptionGroup var selection: LessonSelection
        @OptionGroup var runOptions: RunOptions
        @Flag(help: "Treat warnings as errors.")
        var strict = false
        @Flag(help: "Also compare the site with the committed one, file by file.")
        var reproduce = false
        @Flag(help: "Take results from the cache and the freeze instead of running every directive.")
        var cached = false
        @Option(help: "With --reproduce: the committed site to compare with.")
        var against: String = "Output"
        @Option(help: "How diagnostics are printed: text (stderr; with the source line and a caret on a terminal), json (one object per line on stdout, with fix-its) or github (GitHub Actions annotations on stdout).")
        var diagnostics: DiagnosticFormat = .text

        func run() throws {
            var options = try buildOptions(notes: notes.notes, output: nil, lessons: selection.lessons, run: runOptions)
            options.readsCache = cached
            options.readsFreeze = cached
            options.auditsFreeze = true
            let committed = reproduce ? URL(fileURLWithPath: against) : nil
            var action = CheckAction(options: options, strict: strict, reproducing: committed)
            action.format = diagnostics
            let code = action.run(console: .standard)
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct Freeze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Records every directive's result in the freeze (<notes>/_freeze), to commit with the lessons.",
            discussion: """
                Writes the results the freeze lacks (measurements and scalars, no weights, no timings) and removes \
                the entries no lesson uses; existing entries are never rewritten. Only results this build of notes \
                computed with the default numeric setting are frozen. A fresh clone then builds every page without \
                training anything, and notes check proves the freeze by recomputing it.
                """)
        @OptionGroup var notes: NotesFolderOption
        @OptionGroup var selection: LessonSelection
        @OptionGroup var runOptions: RunOptions
        @Option(help: "How diagnostics are printed: text (stderr; with the source line and a caret on a terminal), json (one object per line on stdout, with fix-its) or github (GitHub Actions annotations on stdout).")
        var diagnostics: DiagnosticFormat = .text

        func run() throws {
            var options = try buildOptions(notes: notes.notes, output: nil, lessons: selection.lessons, run: runOptions)
            options.writesFreeze = true
            var action = CheckAction(options: options, verb: "Froze")
            action.format = diagnostics
            let code = action.run(console: .standard)
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Creates a lesson file that builds as it is: a section, math, a directive, a cited number, a claim, an exercise.",
            discussion: "Never overwrites a file. The lesson's order is one more than the course's last; its words are in the course's language.")
        @Argument(help: "The lesson's file name without .md, e.g. 06-fluxos (letters, digits, - and _).")
        var slug: String
        @Option(help: "The lesson's title (default: from the name).")
        var title: String?
        @OptionGroup var notes: NotesFolderOption

        func run() throws {
            let options = try buildOptions(notes: notes.notes, output: nil, lessons: [], run: nil)
            let code = NewAction(options: options, slug: slug, title: title).run(console: .standard)
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lists the lessons and their directive blocks.")
        @OptionGroup var notes: NotesFolderOption
        @OptionGroup var selection: LessonSelection

        func run() throws {
            let options = try buildOptions(notes: notes.notes, output: nil, lessons: selection.lessons, run: nil)
            let code = ListAction(options: options).run(console: .standard)
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct Directives: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lists the directives, or documents one: its arguments and the scalars it exposes.",
            discussion: "Also: notes help <directive>, e.g. notes help Train.")
        @Argument(help: "A directive's name, with or without @.")
        var name: String?
        @Flag(help: "Print the catalogue as the README's Markdown table.")
        var markdown = false

        func run() throws {
            if markdown {
                Console.standard.out(DirectiveCatalogue.section(defaultRegistry))
                return
            }
            let code = DirectivesAction(name: name).run(console: .standard)
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct Clean: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Removes the experiment cache and leftovers of interrupted builds.",
            discussion: """
                Deletes only what notes wrote: cache entries in a folder marked as a notes cache, and with --all the \
                files the output folder's manifest lists. With --unused, only the cache entries no lesson uses. \
                (A build of every lesson also keeps the cache under 1 GiB by removing unused entries, oldest first.)
                """)
        @OptionGroup var notes: NotesFolderOption
        @OptionGroup var output: OutputFolderOption
        @Option(name: .long, help: "The cache folder to remove.")
        var cache: String = ".notes-cache"
        @Flag(help: "Also delete the generated site in the output folder.")
        var all = false
        @Flag(help: "Remove only the cache entries that no lesson uses.")
        var unused = false

        func validate() throws {
            if all && unused { throw ValidationError("--all and --unused cannot be combined") }
        }

        func run() throws {
            let options = try buildOptions(notes: notes.notes, output: output.output, cache: cache)
            var action = CleanAction(options: options, removeOutput: all)
            action.unusedOnly = unused
            let code = action.run(console: .standard)
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Builds the site, serves it on loopback and rebuilds on every change to the lessons.",
            discussion: "Open pages reload by themselves after each rebuild. A changed lesson is rebuilt alone, from the cache.")
        @OptionGroup var notes: NotesFolderOption
        @OptionGroup var output: OutputFolderOption
        @OptionGroup var runOptions: RunOptions
        @Flag(help: "Write into an output folder that is not empty and was not written by notes.")
        var force = false
        @Option(help: "Address to listen on; the default keeps the server private to this machine.")
        var host = "127.0.0.1"
        @Option(help: "Port to listen on.")
        var port: UInt16 = 8000

        func run() throws {
            let options = try buildOptions(notes: notes.notes, output: output.output, run: runOptions, force: force)
            let code = ServeAction(options: options, host: host, port: port).run(console: .standard)
            if code != 0 { throw ExitCode(code) }
        }
    }
}

extension NotesCommand {
    /// The command line's entry point: an unknown first word is reported as an unknown
    /// subcommand, with a did-you-mean, before ArgumentParser would call it an unexpected argument.
    public static func mainChecked(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        // `notes help Train` documents a directive; `notes help build` stays ArgumentParser's.
        if arguments.count == 2, arguments[0] == "help", !subcommandNames.contains(arguments[1]) {
            Foundation.exit(DirectivesAction(name: arguments[1]).run(console: .standard))
        }
        if let first = arguments.first, !first.hasPrefix("-"), !subcommandNames.contains(first) {
            let hint = closestMatch(to: first, in: subcommandNames).map { "; did you mean '\($0)'?" }
                ?? "; subcommands: " + subcommandNames.filter { $0 != "help" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("error: unknown subcommand '\(TerminalText.escaped(first))'\(hint)\n\(helpMessage())\n".utf8))
            Foundation.exit(64)
        }
        main(arguments)
    }
}
