import ScorecardData

/// What the panes share: the data, where the user is (area and KPI), the filters, the alphabet,
/// the theme's name and the status line's message. Panes read it; the root state changes it,
/// from keys and from what panes ask for (`PaneIntent`).
public struct SharedState: Sendable {
    public internal(set) var dataset: Dataset { didSet { dataVersion = ModelVersion.next() } }
    /// Which data this is: a new number for every dataset loaded, so what a pane keeps for one
    /// is never taken for another's (an address, `ObjectIdentifier`, can be reused after a reload).
    public private(set) var dataVersion = ModelVersion.next()
    /// The root area whose children are the "districts" (Kent in the bundled data).
    public internal(set) var rootArea: String
    /// The area whose scorecard (and KPI detail) is shown.
    public internal(set) var area: String
    /// The KPI of the detail pane and the districts matrix' selected column.
    public internal(set) var indicator: String?
    public internal(set) var ragFilter: Set<RAG> = []
    public internal(set) var textFilter = ""
    public internal(set) var glyphs: Glyphs
    public internal(set) var themeName = "default"
    /// A one-line message for the status bar (export done, reload failed …).
    public internal(set) var message: String?
    public internal(set) var messageIsError = false
    /// The reload running in the background, for the status line's progress line; nil when none.
    public internal(set) var reload: ReloadStatus?
    /// When the data was last reloaded, for the breadcrumb line.
    public internal(set) var reloadedAt: String?
    /// Series (`changeKey`) whose latest value changed in the last reload.
    public internal(set) var changedSeries: Set<String> = []
    /// Counts changes to the data, area, KPI and filters: a pane whose lists were built for an
    /// older generation rebuilds them before it is drawn.
    public internal(set) var generation = 0
    /// What the changes pane compares the latest figures with, and the other edition of the
    /// data when one is loaded (`--compare-data`).
    public internal(set) var comparison: Comparison = .previousPeriod
    public internal(set) var edition: Edition?
    /// The keys in effect (the keymap table with config.toml's `[keys]` applied), for key
    /// handling and for messages that name a key.
    public internal(set) var keymap = EffectiveKeymap.defaults
    /// The second area the scorecard shows beside the first (`B`, `--area-b`), if any.
    public internal(set) var areaB: String?
    /// Each table's sort, by table id, once `o`, `O` or a header click chose one.
    public internal(set) var sorts: [String: ColumnSort?] = [:]
    /// The sort `--sort` (or config.toml's `sort`) asked for: every table that has the column
    /// starts sorted by it.
    public internal(set) var defaultSort: ColumnSort?

    init(dataset: Dataset, area: String?, indicator: String?, ascii: Bool) {
        self.dataset = dataset
        let root = dataset.defaultArea?.code ?? dataset.areas.first?.code ?? ""
        self.rootArea = root
        self.area = area ?? root
        self.indicator = indicator
        self.glyphs = Glyphs(ascii: ascii)
    }

    /// True while a RAG or text filter is on.
    public var isFiltering: Bool { !ragFilter.isEmpty || !textFilter.isEmpty }

    /// Whether any of `haystacks` matches the text filter: smart case (case-insensitive unless
    /// the filter has a capital letter).
    public func matchesText(_ haystacks: [String]) -> Bool {
        guard !textFilter.isEmpty else { return true }
        if let found = TextSearch.asciiMatch(haystacks, filter: textFilter) { return found }
        let caseSensitive = textFilter.contains { $0.isUppercase }
        let needle = caseSensitive ? textFilter : textFilter.lowercased()
        return haystacks.contains { (caseSensitive ? $0 : $0.lowercased()).contains(needle) }
    }

    /// Whether a rating passes the RAG filter (no rating passes only when there is none).
    public func matchesRAG(_ rag: RAG?) -> Bool {
        guard !ragFilter.isEmpty else { return true }
        guard let rag else { return false }
        return ragFilter.contains(rag)
    }

    /// The rating a series shows: that of its latest row.
    public func latestRAG(series s: Int) -> RAG? { dataset.latestRow(series: s).flatMap { dataset.rag(row: $0) } }

    /// An area's name (its code when it has none).
    public func areaName(_ code: String) -> String { dataset.area(code: code)?.name ?? code }

    /// True when the series' latest value changed in the last reload.
    public func changed(series s: Int) -> Bool {
        let info = dataset.series(s)
        return changedSeries.contains(Self.changeKey(area: info.area, indicator: info.indicator, team: info.team))
    }

    static func changeKey(area: String, indicator: String, team: String?) -> String { "\(area)|\(indicator)|\(team ?? "")" }

    /// The sort of table `id` with these columns: the one chosen for it, else the default sort
    /// when the table has that column, else nil (its own order).
    public func sort(table id: String, columns: [TableColumn]) -> ColumnSort? {
        if let chosen = sorts[id] { return chosen }
        guard let d = defaultSort, columns.contains(where: { $0.id == d.column && $0.sortable }) else { return nil }
        return d
    }

    /// False when table `id` is surely in its own order (no sort chosen for it, no default):
    /// a pane need not build its rows to sort them.
    public func mightSort(table id: String) -> Bool {
        if let chosen = sorts[id] { return chosen != nil }
        return defaultSort != nil
    }

    /// Marks a change the panes must rebuild for.
    mutating func touch() { generation &+= 1 }
}

/// A reload in progress: what it reads, how far it has got, and whether another was asked for.
public struct ReloadStatus: Sendable, Equatable {
    /// The file being read ("observations.csv"), once the host has said.
    public var file: String
    /// How far it has got; nil until the loader first says.
    public var progress: LoadProgress?
    /// Another reload was asked for while this one runs (the file changed again, or C-r): one
    /// more reload starts when this one ends, however many were asked for (queued, coalesced).
    public var queued: Bool

    public init(file: String = "the data", progress: LoadProgress? = nil, queued: Bool = false) {
        self.file = file
        self.progress = progress
        self.queued = queued
    }
}

/// Case-insensitive search without allocating, for the common case of ASCII text. Filtering
/// re-runs over every KPI and area on each keystroke; lower-casing each name into a new String
/// cost more than the rest of a rebuild.
enum TextSearch {
    /// Whether any haystack contains the filter, smart case (case-insensitive unless the filter
    /// has a capital letter), exactly as `lowercased().contains(_:)` answers for ASCII text; nil
    /// when the filter or a haystack is not plain ASCII, to be answered the general way.
    static func asciiMatch(_ haystacks: [String], filter: String) -> Bool? {
        var filter = filter
        return filter.withUTF8 { needle -> Bool? in
            guard isPlainASCII(needle) else { return nil }
            let caseSensitive = needle.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
            for haystack in haystacks {
                // Native strings lend their UTF-8 in place; any other answers the general way.
                let match = haystack.utf8.withContiguousStorageIfAvailable { contains($0, needle, foldingCase: !caseSensitive) }
                guard let match, let match else { return nil }
                if match { return true }
            }
            return false
        }
    }

    /// ASCII without carriage returns: there every byte is one Character (CR LF would be one).
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }
    }

    /// Whether `text` contains `needle` (lower case when `foldingCase`), or nil when `text` is
    /// not plain ASCII. One pass: every byte is checked, a match does not end the scan.
    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, foldingCase: Bool) -> Bool? {
        @inline(__always) func fold(_ b: UInt8) -> UInt8 {
            foldingCase && b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b + 32 : b
        }
        guard !needle.isEmpty else { return isPlainASCII(text) ? true : nil }
        // Look for the first byte in either case, then compare the rest.
        let first = needle[0]
        let firstUpper = foldingCase && first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") ? first - 32 : first
        var found = false
        for start in 0..<text.count {
            let b = text[start]
            if b >= 0x80 || b == UInt8(ascii: "\r") { return nil }
            guard !found, b == first || b == firstUpper, start + needle.count <= text.count else { continue }
            var k = 1
            while k < needle.count && fold(text[start + k]) == needle[k] { k += 1 }
            found = k == needle.count
        }
        return found
    }
}

extension DashboardState {
    /// Sorts every table that has `sort`'s column by it (`--sort`, config.toml's `sort`); the
    /// others keep their own order. Nil: every table in its own order.
    public mutating func setDefaultSort(_ sort: ColumnSort?) {
        shared.defaultSort = sort
        shared.sorts = [:]
        shared.touch()
        refresh()
        settle()
    }

    /// Shows area `code`'s figures beside the area's on the scorecard (`--area-b`); nil: none.
    public mutating func setAreaB(_ code: String?) {
        shared.areaB = code
        shared.touch()
        refresh()
        settle()
    }

    /// The sort in effect on table `id` with these columns.
    public func sort(table id: String, columns: [TableColumn]) -> ColumnSort? { shared.sort(table: id, columns: columns) }
}
