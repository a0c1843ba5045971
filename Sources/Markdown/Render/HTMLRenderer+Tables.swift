/// GFM tables, in cmark's layout inside a scrolling box.
extension HTMLRenderer {
    /// A table sits in a `prose-table` box that scrolls sideways when the table is wider than
    /// the text column (a phone), so the page itself never does.
    mutating func renderTable(_ table: TableNode) {
        cr()
        out += "<div class=\"prose-table\"><table>\n<thead>\n"
        renderRow(table.header, cellTag: "th", alignments: table.alignments)
        out += "</thead>\n"
        if !table.rows.isEmpty {
            out += "<tbody>\n"
            for row in table.rows { renderRow(row, cellTag: "td", alignments: table.alignments) }
            out += "</tbody>\n"
        }
        out += "</table></div>\n"
    }

    mutating func renderRow(_ cells: [[InlineNode]], cellTag: String,
                                    alignments: [TableNode.Alignment]) {
        out += "<tr>\n"
        for (column, cell) in cells.enumerated() {
            let alignment = column < alignments.count ? alignments[column] : .none
            let attribute = switch alignment {
            case .none: ""
            case .left: " align=\"left\""
            case .center: " align=\"center\""
            case .right: " align=\"right\""
            }
            out += "<\(cellTag)\(attribute)>"
            render(cell)
            out += "</\(cellTag)>\n"
        }
        out += "</tr>\n"
    }
}
