/// Live reload for `notes serve`: served pages (never the built files) get a small script
/// that polls `/__notes/version` and reloads the page when the site's build version moves.
enum LiveReload {
    static let versionPath = "/__notes/version"

    /// The version endpoint's body: `{"version":3}`.
    static func versionJSON(_ version: Int) -> String { "{\"version\":\(version)}" }

    /// The page with the polling script before `</body>` (at the end when there is none).
    /// `version` is the build the page comes from, so a rebuild that lands between serving
    /// the page and its first poll still reloads it.
    static func inject(into html: String, version: Int) -> String {
        let script = """
        <script>
        (function () {
          var version = \(version);
          function poll() {
            fetch("\(versionPath)", { cache: "no-store" })
              .then(function (response) { return response.json(); })
              .then(function (data) {
                if (data.version !== version) { location.reload(); return; }
                setTimeout(poll, 300);
              })
              .catch(function () { setTimeout(poll, 1000); });
          }
          setTimeout(poll, 300);
        })();
        </script>\n
        """
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + script }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: script)
    }
}
