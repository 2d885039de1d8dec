import Foundation
import XCTest
@testable import Dashboard
import ScorecardData

/// The bundled Kent dataset, loaded once for all dashboard tests.
enum Kent {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ragtop/Resources/kent-cype-2024-10").path

    static let dataset: Dataset = {
        do {
            return try DatasetLoader.load(directory: directory).dataset
        } catch {
            fatalError("bundled Kent data does not load: \(error)")
        }
    }()

    /// The Kent data with one piece of observations.csv replaced (for reload tests).
    static func dataset(replacing old: String, with new: String) throws -> Dataset {
        let fm = FileManager.default
        let copy = fm.temporaryDirectory.appendingPathComponent("ragtop-kent-\(UUID().uuidString)")
        try fm.copyItem(atPath: directory, toPath: copy.path)
        defer { try? fm.removeItem(at: copy) }
        let obs = copy.appendingPathComponent("observations.csv")
        let text = try String(contentsOf: obs, encoding: .utf8)
        guard text.contains(old) else { throw CocoaError(.fileReadCorruptFile) }
        try text.replacingOccurrences(of: old, with: new).write(to: obs, atomically: true, encoding: .utf8)
        return try DatasetLoader.load(directory: copy.path).dataset
    }

    static func state(width: Int = 80, height: Int = 24, pane: Pane = .scorecard, keys: String = "") -> DashboardState {
        var s = DashboardState(dataset: dataset, width: width, height: height, pane: pane)
        _ = s.apply(keys: keys.split(separator: " ").compactMap { Key(name: String($0)) })
        return s
    }
}

/// Golden screens: `Golden/NAME.txt` holds a screen's text and its style roles, as
/// `ragtop snapshot --roles` prints them (Golden/README.md). The test compares; it never writes.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The golden form of a canvas: its text, then its roles.
    static func text(_ canvas: Canvas) -> String { canvas.plainText + "\n" + RoleGrid.text(canvas) + "\n" }

    /// Splits `snapshot` arguments as a shell would (double quotes group words).
    static func words(_ line: String) -> [String] {
        var out: [String] = [], word = "", quoted = false, any = false
        for ch in line {
            if ch == "\"" { quoted.toggle(); any = true; continue }
            if ch == " " && !quoted {
                if any { out.append(word) }
                word = ""
                any = false
            } else {
                word.append(ch)
                any = true
            }
        }
        if any { out.append(word) }
        return out
    }

    /// The repository's root: `--data` paths in MANIFEST are relative to it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The datasets `--data` lines load, each loaded once.
    nonisolated(unsafe) static var loaded: [[String]: Dataset] = [:]

    static func dataset(_ directories: [String]) throws -> Dataset {
        guard !directories.isEmpty else { return Kent.dataset }
        if let known = loaded[directories] { return known }
        let ds = try DatasetLoader.load(directories: directories.map { root.appendingPathComponent($0).path }).dataset
        loaded[directories] = ds
        return ds
    }

    /// The state `ragtop snapshot ARGS` renders on the Kent data (or the `--data` directories):
    /// --size, --pane, --keys, --ascii, --area, --indicator, --compare, --since, --sort, --area-b.
    static func state(arguments: [String]) throws -> DashboardState {
        var width = 80, height = 24, pane: Pane?, ascii = false, keys = ""
        var data: [String] = [], area: String?, indicator: String?, compare: String?, since: Period?, sort: ColumnSort?, areaB: String?
        var i = 0
        while i < arguments.count {
            let value = i + 1 < arguments.count ? arguments[i + 1] : ""
            switch arguments[i] {
            case "--data", "--area", "--indicator", "--compare":
                switch arguments[i] {
                case "--data": data.append(value)
                case "--area": area = value
                case "--indicator": indicator = value
                default: compare = value
                }
                i += 1
            case "--size":
                let parts = value.split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2 else { throw CocoaError(.formatting) }
                (width, height) = (parts[0], parts[1])
                i += 1
            case "--pane":
                guard let p = Pane(named: value) else { throw CocoaError(.formatting) }
                pane = p
                i += 1
            case "--keys":
                keys = value
                i += 1
            case "--since":
                guard let p = Period(value) else { throw CocoaError(.formatting) }
                since = p
                i += 1
            case "--sort":
                guard let s = ColumnSort(parsing: value) else { throw CocoaError(.formatting) }
                sort = s
                i += 1
            case "--area-b":
                areaB = value
                i += 1
            case "--ascii":
                ascii = true
            default:
                throw CocoaError(.formatting)
            }
            i += 1
        }
        let ds = try dataset(data)
        let areaCode = try area.map { try XCTUnwrap(ds.area(named: $0)?.code, "no area \($0)") }
        // As `snapshot` does: --compare opens KPI detail unless --pane says otherwise.
        var s = DashboardState(dataset: ds, width: width, height: height, pane: pane ?? (compare == nil ? .scorecard : .detail),
                               area: areaCode, indicator: indicator, ascii: ascii)
        if let compare {
            let named = ds.areas(inList: compare)
            guard named.unknown == nil else { throw CocoaError(.formatting) }
            s.compare(areas: named.areas.map(\.code))
        }
        if let since { s.compare(with: .since(since)) }
        if let areaB { s.setAreaB(try XCTUnwrap(ds.area(named: areaB)?.code, "no area \(areaB)")) }
        if let sort { s.setDefaultSort(sort) }
        let events = keys.split(separator: " ").compactMap { InputEvent(token: String($0)) }
        _ = s.apply(events)
        return s
    }

    static func assert(_ canvas: Canvas, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name + ".txt")
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing golden file \(url.path); add it with docs/tools/refresh_goldens.py (Golden/README.md)", file: file, line: line)
            return
        }
        let actual = text(canvas)
        guard expected != actual else { return }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        let part = first > canvas.height ? "roles, row \(first - canvas.height - 1)" : "text, row \(first)"
        XCTFail("""
            \(name): differs from its golden file in the \(part)
            expected: \(first < e.count ? String(e[first]) : "<end>")
            actual:   \(first < a.count ? String(a[first]) : "<end>")
            (after a change you mean: docs/tools/refresh_goldens.py, then read git diff)
            """, file: file, line: line)
    }
}

/// The panes' values, for tests.
extension DashboardState {
    var scorecard: ScorecardPane { module(ScorecardPane.self) }
    var districts: DistrictsPane { module(DistrictsPane.self) }
    var detail: DetailPane { module(DetailPane.self) }
    var ehcp: EHCPPane { module(EHCPPane.self) }
    var therapy: TherapyPane { module(TherapyPane.self) }
    var changes: ChangesPane { module(ChangesPane.self) }
}
