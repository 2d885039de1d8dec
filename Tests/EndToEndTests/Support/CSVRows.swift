import Foundation

/// RFC 4180 text for end-to-end tests, which do not link ScorecardData: reads the records of a
/// CSV document (quoted cells, doubled quotes, line breaks inside quotes) and writes them back.
enum CSVRows {
    /// The records of `text`, each a list of cells. A final line break does not make a record.
    static func parse(_ text: String) -> [[String]] {
        let s = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = [], cell = String.UnicodeScalarView()
        var i = 0
        var quoted = false
        while i < s.count {
            let c = s[i]
            i += 1
            if quoted {
                if c == "\"" {
                    if i < s.count && s[i] == "\"" { cell.append("\""); i += 1 } else { quoted = false }
                } else {
                    cell.append(c)
                }
                continue
            }
            switch c {
            case "\"" where cell.isEmpty: quoted = true
            case ",": record.append(String(cell)); cell = String.UnicodeScalarView()
            case "\r": continue
            case "\n":
                record.append(String(cell))
                records.append(record)
                record = []
                cell = String.UnicodeScalarView()
            default: cell.append(c)
            }
        }
        if !cell.isEmpty || !record.isEmpty { record.append(String(cell)); records.append(record) }
        return records
    }

    /// A CSV document of `records` (quoted where a cell needs it), LF line ends.
    static func write(_ records: [[String]]) -> String {
        records.map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func field(_ s: String) -> String {
        s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
