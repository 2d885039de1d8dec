import ScorecardData

/// Every mark ragtop draws, in one table: its glyph, its ASCII stand-in (for `--ascii` and
/// non-UTF-8 terminals) and what it means. The legend line under each pane and the `?` screen
/// explain the marks a pane actually drew (`Canvas.marks`) from this table, so adding a mark is
/// one entry here, and it is explained wherever it appears.
///
/// Ratings are distinct shapes and letters, so colour is never the only signal.
public enum Mark: String, CaseIterable, Sendable {
    // Ratings, where a rating came from, and direction of travel.
    case red, amber, green, unrated
    /// A missed target with no floor to tell AMBER from RED (`RatingSource.undecided`).
    case undecided
    /// A rating worked out by the rule, not published (`RatingSource.rule`): after the letter.
    case byRule
    case improved, worsened, same
    /// A value that changed in the last reload (a style: bold and underlined).
    case changed
    // Tables and lists.
    case trend, bar, overStandard, selectedColumn, moreLeft, moreRight
    /// A table sorted by this column, ascending or descending (`o`, `O`, a header click).
    case sortedAscending, sortedDescending
    case outlier, caveat, note, areaMarker, spread
    /// A team serving several districts, whose figures are shown on each district's page.
    case sharedTeam
    /// A KPI (series) that has notes: commentary, actions (`Dataset.hasNotes(series:)`).
    case hasNotes
    // A figure's status (`ObservationStatus`), in the statistical symbols DfE and ONS tables use.
    case provisional, revised, estimated, suppressed, notAvailable, notApplicable, roundsToZero, lowReliability
    /// No figure for a period: a gap in a chart, sparkline or bar, never a zero.
    case gap
    // Charts.
    case chartValue, chartConnector, targetLine, floorLine, nationalLine, regionalLine
    // Comparing areas: each compared area's series in KPI detail (its point, then its line), a
    // statistical neighbour in a league, the neighbours' median on the neighbour bars.
    case compared1, compared2, compared3, compared4, neighbour, neighbourMedian
    // Chrome: explained by `?`, never in the legend line.
    case ellipsis, separator, joiner, caret, horizontal, vertical, corner, bigDigit
    /// The reload's progress bar on the status line: its left end, done, to do, right end.
    case progress

    /// One entry of the table.
    public struct Entry: Sendable, Equatable {
        /// The glyph (for multi-glyph marks such as the sparkline, all of them in order).
        public let unicode: String
        public let ascii: String
        /// A few words for the legend line.
        public let short: String
        /// The full explanation for `?`.
        public let meaning: String
        /// Chrome (borders, the ellipsis): explained by `?` only.
        public let chrome: Bool
    }

    private static func entry(_ unicode: String, _ ascii: String, _ short: String, _ meaning: String, chrome: Bool = false) -> Entry {
        Entry(unicode: unicode, ascii: ascii, short: short, meaning: meaning, chrome: chrome)
    }

    /// The table.
    public var entry: Entry {
        switch self {
        case .red: Self.entry("✖", "X", "red", "RED: the floor standard was not achieved (or the published rating is RED)")
        case .amber: Self.entry("▲", "!", "amber", "AMBER: floor achieved, target not met (or the published rating is AMBER)")
        case .green: Self.entry("●", "O", "green", "GREEN: target met (or the published rating is GREEN)")
        case .unrated: Self.entry("·", ".", "no rating", "no rating: no figure, or no target set for this area")
        case .undecided: Self.entry("◇", "?", "target missed", "target missed (M): below its target, with no floor standard to tell AMBER from RED; ragtop does not guess (rated_by undecided)")
        case .byRule: Self.entry("ʳ", "r", "by rule", "by rule: no rating was published; ragtop rated the figure from the target and floor set for this area (rated_by rule)")
        case .improved: Self.entry(DOT.improved.arrow, "^", "improved", "direction of travel: improved on the period before (for a lower-is-better KPI a fall)")
        case .worsened: Self.entry(DOT.worsened.arrow, "v", "worsened", "direction of travel: worse than the period before")
        case .same: Self.entry(DOT.same.arrow, "=", "same", "direction of travel: the same as the period before")
        case .changed: Self.entry("", "", "changed", "a bold, underlined value changed in the last reload")
        case .trend: Self.entry("▁▂▃▄▅▆▇█", "_.-~=^*#", "trend", "sparkline: the trend, lowest to highest within the row, latest at the right")
        case .bar: Self.entry("█", "#", "bar", "a bar as long as the value, against the largest shown")
        case .overStandard: Self.entry("▓", "=", "over standard", "waits beyond the standard (12, 18 or 52 weeks)")
        case .selectedColumn: Self.entry("▼", "v", "selected KPI", "the selected KPI column (h/l or ←/→ move it)")
        case .sortedAscending: Self.entry("▴", "^", "sorted ascending", "the table is sorted by this column: lowest, A, RED or worst first, empty cells last (sort keys, or click a header)")
        case .sortedDescending: Self.entry("▾", "v", "sorted descending", "the table is sorted by this column: highest, Z, GREEN or best first, empty cells last (sort keys, or click a header)")
        case .moreLeft: Self.entry("‹", "<", "more left", "more columns to the left")
        case .moreRight: Self.entry("›", ">", "more right", "more columns to the right")
        case .outlier: Self.entry("⚑", "!", "outlier", "a district figure above the county-wide figure for the same measure and month")
        case .caveat: Self.entry("⚠", "*", "caveat", "a caveat from the source about the figures above")
        case .note: Self.entry("†", "+", "note", "a note from the source, listed under the table")
        case .areaMarker: Self.entry("◆", "@", "this area", "where this area sits in the spread of all local authorities")
        case .spread: Self.entry("▁▂▃▄▅▆▇█", "_.-~=^*#", "authorities", "how many local authorities had each share, lowest share at the left")
        case .sharedTeam: Self.entry("⋈", "&", "shared team", "a team serving several districts: shown on each district's page, counted once in leagues, not in a district's own R/A/G counts")
        case .hasNotes: Self.entry("✎", "\"", "notes", "the KPI has notes for this area: commentary or actions (notes.csv)")
        case .provisional: Self.entry("[p]", "[p]", "provisional", "provisional: the producer may still revise the figure")
        case .revised: Self.entry("[r]", "[r]", "revised", "revised: changed since it was first published")
        case .estimated: Self.entry("[e]", "[e]", "estimated", "estimated: an estimate, not a count")
        case .suppressed: Self.entry("[c]", "[c]", "suppressed", "suppressed: withheld to protect confidentiality; there is no figure to show")
        case .notAvailable: Self.entry("[x]", "[x]", "not available", "not available: not collected or not available; there is no figure to show")
        case .notApplicable: Self.entry("[z]", "[z]", "not applicable", "not applicable: the measure does not apply here")
        case .roundsToZero: Self.entry("[low]", "[low]", "rounds to 0", "rounds to zero, but is not zero")
        case .lowReliability: Self.entry("[u]", "[u]", "low reliability", "low reliability: too unreliable to publish as a firm figure")
        case .gap: Self.entry("┆", ":", "no figure", "a gap: no figure for that period (never drawn as zero); its status, where given, says why")
        case .chartValue: Self.entry("●", "*", "value", "a value on the chart")
        case .chartConnector: Self.entry("·", ".", "between values", "the line between two values")
        case .targetLine: Self.entry("═", "=", "target", "the target line")
        case .floorLine: Self.entry("─", "_", "floor", "the floor standard line")
        case .nationalLine: Self.entry("╌", "-", "England", "the national (England) benchmark line")
        case .regionalLine: Self.entry("┈", ":", "region", "the regional or statistical-neighbour benchmark line")
        case .compared1: Self.entry("○∼", "o~", "compared 1", "the first area compared (+ on a league row, --compare): its values and the line between them")
        case .compared2: Self.entry("■˙", "#'", "compared 2", "the second area compared: its values and the line between them")
        case .compared3: Self.entry("◇‥", "x\"", "compared 3", "the third area compared: its values and the line between them")
        case .compared4: Self.entry("✚∴", "+;", "compared 4", "the fourth area compared: its values and the line between them")
        case .neighbour: Self.entry("≈", "~", "neighbour", "a statistical neighbour of the area (neighbours.csv)")
        case .neighbourMedian: Self.entry("┊", "|", "neighbours' median", "the median of the neighbours' figures, across the bars")
        case .ellipsis: Self.entry("…", "~", "cut", "text cut to fit; a wider window shows more", chrome: true)
        case .separator: Self.entry("›", ">", "in", "inside: Kent › Dover is Dover, in Kent", chrome: true)
        case .joiner: Self.entry("·", "-", "joins", "between the parts of a title: code · name · period", chrome: true)
        case .caret: Self.entry("▏", "_", "typing", "where typed text goes", chrome: true)
        case .horizontal: Self.entry("─", "-", "rule", "a rule or a box edge", chrome: true)
        case .vertical: Self.entry("│", "|", "axis", "an axis or a box edge", chrome: true)
        case .corner: Self.entry("╭╮╰╯", "++++", "corner", "box corners", chrome: true)
        case .bigDigit: Self.entry("█▀▄", "###", "digits", "large digits of the headline figure", chrome: true)
        case .progress: Self.entry("▕█░▏", "[#-]", "progress", "how much of the data a reload has read", chrome: true)
        }
    }

    /// The rating's mark.
    public static func rating(_ rag: RAG?) -> Mark {
        switch rag {
        case .red: .red
        case .amber: .amber
        case .green: .green
        case nil: .unrated
        }
    }

    /// The mark of a figure's status.
    public static func status(_ status: ObservationStatus) -> Mark {
        switch status {
        case .provisional: .provisional
        case .revised: .revised
        case .estimated: .estimated
        case .suppressed: .suppressed
        case .notAvailable: .notAvailable
        case .notApplicable: .notApplicable
        case .low: .roundsToZero
        case .lowReliability: .lowReliability
        }
    }

    /// The direction of travel's mark.
    public static func travel(_ dot: DOT) -> Mark {
        switch dot {
        case .improved: .improved
        case .worsened: .worsened
        case .same: .same
        }
    }
}

/// Looks marks up in the table for one alphabet: Unicode, or ASCII for terminals without UTF-8.
public struct Glyphs: Sendable, Equatable {
    public var ascii: Bool

    public init(ascii: Bool) { self.ascii = ascii }

    /// The mark's glyph in this alphabet.
    public subscript(_ mark: Mark) -> String { ascii ? mark.entry.ascii : mark.entry.unicode }

    /// One character of a mark (the first; marks are one character but for the multi-glyph ones).
    public func character(_ mark: Mark) -> Character { self[mark].first ?? " " }

    /// ✖ red, ▲ amber, ● green, · none (ASCII: X, !, O, .).
    public func rag(_ rag: RAG?) -> Character { character(.rating(rag)) }

    /// Glyph and letter: `✖ R`, `· -` for no rating.
    public func ragLabel(_ rag: RAG?) -> String {
        guard let rag else { return "\(self.rag(nil)) -" }
        return "\(self.rag(rag)) \(rag.letter)"
    }

    /// Glyph and name: `✖ RED`, `·` for no rating.
    public func ragWord(_ rag: RAG?) -> String {
        guard let rag else { return String(self.rag(nil)) }
        return "\(self.rag(rag)) \(rag.name)"
    }

    /// The direction of travel's arrow, or a blank.
    public func dot(_ dot: DOT?) -> String {
        guard let dot else { return " " }
        return self[.travel(dot)]
    }

    public var ellipsis: Character { character(.ellipsis) }
    public var separator: String { self[.separator] }
    public var horizontal: Character { character(.horizontal) }
    public var vertical: Character { character(.vertical) }
    public var fullBlock: Character { character(.bar) }

    /// A bar of `count` full blocks (none for 0 or less): the one way every bar is drawn.
    public func bar(_ count: Int) -> String { String(repeating: fullBlock, count: max(0, count)) }

    /// Sparkline levels, lowest first.
    public var sparkLevels: [Character] { Array(self[.trend]) }

    /// The style role of a rating.
    public static func role(for rag: RAG?) -> StyleRole {
        switch rag {
        case .red: .ragRed
        case .amber: .ragAmber
        case .green: .ragGreen
        case nil: .ragNone
        }
    }
}
