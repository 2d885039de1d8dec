import Foundation
import XCTest

/// The DfE open data in ../shared/data/external (beside the checkout, as on CI), read here
/// without any of ragtop's code, so tests can compare ragtop's figures with the source.
enum DfESource {
    static let external = RagtopBinary.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/data/external")

    /// A source CSV as a list of records keyed by header; a test failure (not a skip) when the
    /// file is missing.
    static func records(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: String]] {
        let url = external.appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("the DfE source file \(url.path) is missing: the tests need ../shared beside the checkout", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let table = parse(text)
        guard let header = table.first else { return [] }
        return table.dropFirst().filter { $0.count == header.count }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// RFC 4180 records: quoted cells may hold commas, doubled quotes and line ends.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], cell = ""
        var quoted = false, wasQuoted = false
        var it = Array(text.unicodeScalars)[...]
        while let c = it.popFirst() {
            if quoted {
                if c == "\"" {
                    if it.first == "\"" { cell.unicodeScalars.append("\""); it.removeFirst() } else { quoted = false }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
                wasQuoted = true
            } else if c == "," {
                record.append(cell); cell = ""; wasQuoted = false
            } else if c == "\n" || c == "\r" {
                if c == "\r", it.first == "\n" { it.removeFirst() }
                if !(record.isEmpty && cell.isEmpty && !wasQuoted) { record.append(cell); records.append(record) }
                record = []; cell = ""; wasQuoted = false
            } else {
                cell.unicodeScalars.append(c)
            }
        }
        if !record.isEmpty || !cell.isEmpty { record.append(cell); records.append(record) }
        return records
    }

    /// EHC plans issued within 20 weeks, by local authority (GSS code) and calendar year, from
    /// both releases: sen2_mi_2014-2021.csv (IncExc20weekRate) for 2014-2018 and
    /// timeliness_20_week_2019-2024.csv (pc_plans_issued_within_20_weeks, all plans) for
    /// 2019-2024. Suppressed and missing cells are left out.
    static func ehcpWithin20Weeks() throws -> [String: [String: Double]] {
        var byYear: [String: [String: Double]] = [:]
        for r in try records("dfe-sen2/sen2_mi_2014-2021.csv") where r["geographic_level"] == "Local authority" {
            guard let year = r["time_period"], let y = Int(year), y <= 2018, let code = r["new_la_code"],
                  let v = r["IncExc20weekRate"].flatMap(Double.init) else { continue }
            byYear[year, default: [:]][code] = v
        }
        for r in try records("dfe-sen2/timeliness_20_week_2019-2024.csv")
        where r["geographic_level"] == "Local authority" && r["breakdown_topic"] == "All EHC plans issued" && r["breakdown"] == "All EHC plans issued" {
            guard let year = r["time_period"], let code = r["new_la_code"], let v = r["pc_plans_issued_within_20_weeks"].flatMap(Double.init) else { continue }
            byYear[year, default: [:]][code] = v
        }
        return byYear
    }

    /// The DfE statistical neighbours of an authority (by its three-digit code), closest first,
    /// with their bands.
    static func neighbours(of oldCode: String) throws -> [(code: String, band: String)] {
        let rows = try records("dfe-statistical-neighbours/sn_model_2025_wide.csv")
        guard let row = rows.first(where: { $0["old_la_code"] == oldCode }) else { return [] }
        return (1...10).compactMap { k in row["SN_\(k)"].map { ($0, (row["SN_\(k)P"] ?? "").trimmingCharacters(in: .whitespaces)) } }
    }
}
