/// The bundled Kent data records where each figure and note came from as line references into
/// the source documents: `000:565-570` is lines 565 to 570 of document 000. People read words,
/// not line numbers, so notes are shown with each reference turned into the document's name.
public enum SourceReference {
    /// The documents the bundled data cites, by number (see docs/data-sources.md).
    public static let documents: [String: String] = [
        "000": "KCC SEN therapy report, Mar 2024",
        "001": "KCC CYPE scorecard, Oct 2024",
        "002": "KCC SEN therapy report, Feb 2025",
        "003": "KCC SEN therapy decision, 2025",
        "004": "KCC SEND strategy report, 2024",
    ]

    /// `text` with every line reference (`000:565-570`, `001:1023, 1030`) replaced by the
    /// document's name; "at" before one becomes "in". A parenthesis that held nothing else
    /// holds the name. Text without references is returned as it is.
    public static func inWords(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            if let (end, doc) = reference(chars, at: i) {
                if out.hasSuffix("at ") { out.removeLast(3); out += "in " }
                out += documents[doc] ?? "document \(doc)"
                i = end
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    /// A reference starting at `i` (three digits, a colon, line numbers with `-` ranges and `, `
    /// lists): where it ends and the document number.
    private static func reference(_ c: [Character], at i: Int) -> (end: Int, document: String)? {
        guard i + 4 < c.count, i == 0 || !(c[i - 1].isNumber || c[i - 1].isLetter),
              c[i].isASCII, c[i].isNumber, c[i + 1].isNumber, c[i + 2].isNumber, c[i + 3] == ":", c[i + 4].isASCII, c[i + 4].isNumber
        else { return nil }
        var j = i + 4
        func digits() { while j < c.count, c[j].isASCII, c[j].isNumber { j += 1 } }
        digits()
        while j + 1 < c.count {
            if c[j] == "-", c[j + 1].isNumber { j += 1; digits(); continue }
            if c[j] == ",", j + 2 < c.count, c[j + 1] == " ", c[j + 2].isASCII, c[j + 2].isNumber {
                // ", 1030" continues the list only when a number follows directly.
                var k = j + 2
                while k < c.count, c[k].isNumber { k += 1 }
                if k == c.count || !(c[k].isLetter) { j = k; continue }
            }
            break
        }
        return (j, String(c[i..<(i + 3)]))
    }
}
