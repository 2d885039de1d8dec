/// A table of text cells drawn as aligned plain text or as Markdown: the one table writer of
/// `diff`, the exceptions pack and the neighbours report. Cells from data are made safe (control characters shown as
/// `<U+XX>`, line breaks as spaces); Markdown text has its formatting characters escaped.
struct TextTable {
    var headers: [String]
    /// Columns aligned right (numbers).
    var rightAligned: Set<Int> = []
    /// Text cells longer than this are cut with `…` (by column; absent: no limit).
    var maxWidths: [Int: Int] = [:]
    var rows: [[String]] = []

    init(_ headers: [String], rightAligned: Set<Int> = [], maxWidths: [Int: Int] = [:]) {
        self.headers = headers
        self.rightAligned = rightAligned
        self.maxWidths = maxWidths
    }

    /// A table given column by column: each column's header, alignment and cells.
    init(columns: [(header: String, right: Bool, cells: [String])]) {
        self.init(columns.map(\.header), rightAligned: Set(columns.indices.filter { columns[$0].right }))
        let count = columns.first?.cells.count ?? 0
        rows = (0..<count).map { r in columns.map { $0.cells[r] } }
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// One line of text from untrusted cell text: line breaks become spaces, controls `<U+XX>`.
    static func cell(_ s: String) -> String {
        var flat = ""
        for scalar in s.unicodeScalars { if scalar == "\n" || scalar == "\r" { flat += " " } else { flat.unicodeScalars.append(scalar) } }
        return SafeText.sanitize(flat)
    }

    /// Columns padded to their widest cell, two spaces apart, no trailing spaces.
    func text() -> String {
        let cells = ([headers] + rows).map { $0.enumerated().map { i, c in cut(TextTable.cell(c), maxWidths[i]) } }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in cells { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        var out = ""
        for row in cells {
            var parts: [String] = []
            for (i, c) in row.enumerated() where i < widths.count {
                let pad = String(repeating: " ", count: widths[i] - c.count)
                parts.append(rightAligned.contains(i) ? pad + c : c + pad)
            }
            var line = parts.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// A Markdown (GitHub/pandoc pipe) table.
    func markdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { TextTable.markdownText($0) }.joined(separator: " | ") + " |\n"
        }
        var out = line(headers)
        out += "|" + headers.indices.map { rightAligned.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for row in rows { out += line(row) }
        return out
    }

    /// Untrusted text for Markdown (a table cell, a heading, a list item): one line, safe, and the
    /// characters Markdown would read as formatting (or a cell's end) escaped with a backslash.
    static func markdownText(_ s: String) -> String {
        var out = ""
        for ch in cell(s) {
            if "\\`*_[]<>|#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    private func cut(_ s: String, _ limit: Int?) -> String {
        guard let limit, s.count > limit, limit > 1 else { return s }
        return String(s.prefix(limit - 1)) + "…"
    }
}
