import ArgumentParser
import Foundation
import Notebook

/// `notes`: builds executable course pages from Markdown lessons.
public struct NotesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Turns Markdown lessons with experiment directives into executed HTML course pages.",
        subcommands: [Build.self, Check.self, List.self, Clean.self, Serve.self],
        defaultSubcommand: Build.self
    )
    public init() {}
}

/// Options shared by every subcommand that reads lessons.
struct LessonOptions: ParsableArguments {
    @Option(name: .long, help: "Folder with the lessons (*.md).")
    var notes: String = "Notes"

    @Option(name: .long, help: "Folder the site is written to.")
    var output: String = "Output"

    @Option(name: .customLong("lesson"), help: "Build only this lesson (its file name without .md); repeatable.")
    var lessons: [String] = []

    @Option(name: .long, help: "Folder where experiment results are cached between builds.")
    var cache: String = ".notes-cache"

    @Flag(name: .customLong("no-cache"), help: "Run every experiment afresh; neither read nor write the cache.")
    var noCache = false

    @Option(name: .shortAndLong, help: "How many experiments may run at once (BLAS threads are divided among them).")
    var jobs: Int = 1

    mutating func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func buildOptions() -> BuildOptions {
        BuildOptions(notesFolder: URL(fileURLWithPath: notes),
                     outputFolder: URL(fileURLWithPath: output),
                     lessons: lessons,
                     displayPrefix: notes.hasSuffix("/") ? String(notes.dropLast()) : notes,
                     cacheFolder: noCache ? nil : URL(fileURLWithPath: cache),
                     jobs: jobs)
    }
}

extension NotesCommand {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Runs every directive and writes the pages into the output folder.",
            discussion: "Exits with 1 when any directive failed; the other blocks and pages are still written.")
        @OptionGroup var options: LessonOptions

        func run() throws {
            let code = BuildAction(options: options.buildOptions()).run(console: .standard)
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Runs every lesson as a build would, without touching the output folder.",
            discussion: "Prints all diagnostics; exits with 1 on any error. Meant for CI.")
        @OptionGroup var options: LessonOptions

        func run() throws {
            let code = CheckAction(options: options.buildOptions()).run(console: .standard)
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lists the lessons and their directive blocks.")
        @OptionGroup var options: LessonOptions

        func run() throws {
            let code = ListAction(options: options.buildOptions()).run(console: .standard)
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct Clean: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Removes the experiment cache and leftovers of interrupted builds.")
        @OptionGroup var options: LessonOptions
        @Flag(help: "Also delete the generated site in the output folder.")
        var all = false

        func run() throws {
            let code = CleanAction(options: options.buildOptions(), removeOutput: all).run(console: .standard)
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Builds the site, serves it on loopback and rebuilds on every change to the lessons.",
            discussion: "Open pages reload by themselves after each rebuild. A changed lesson is rebuilt alone, from the cache.")
        @OptionGroup var options: LessonOptions
        @Option(help: "Address to listen on; the default keeps the server private to this machine.")
        var host = "127.0.0.1"
        @Option(help: "Port to listen on.")
        var port: UInt16 = 8000

        func run() throws {
            let code = ServeAction(options: options.buildOptions(), host: host, port: port).run(console: .standard)
            if code != 0 { throw ExitCode(code) }
        }
    }
}
