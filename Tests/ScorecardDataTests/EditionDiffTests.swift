import Foundation
import XCTest
@testable import ScorecardData

/// `EditionDiff` on two small editions that differ in every way it reports (the end-to-end tests
/// run `ragtop diff` on editions made from the bundled data).
final class EditionDiffTests: XCTestCase {
    static let oldFiles = [
        "areas.csv": "code,name,parent\nE1,England,\nK1,Kent,E1\nD1,Dover,K1\nM1,Medway,E1\n",
        "indicators.csv": """
        code,name,polarity,period_type,decimals,target,floor
        A1,Assessments,H,MS,1,85,75
        B2,Caseload,L,MS,1,18,
        C3,Gone,H,MS,,,

        """,
        "observations.csv": """
        area,indicator,period,value,numerator,denominator,target,rag,team
        K1,A1,2024-08,80,40,50,,,
        K1,A1,2024-09,70,,,,,
        K1,B2,2024-09,17,,,,GREEN,
        D1,A1,2024-09,90,,,,,Dover CSWT
        D1,B2,2024-09,20,,,,,
        M1,A1,2024-09,60,,,,,

        """,
    ]
    static let newFiles = [
        "areas.csv": "code,name,parent\nE1,England,\nK1,Kent,E1\nD1,Dover,K1\nS1,Swale,K1\n",
        "indicators.csv": """
        code,name,polarity,period_type,decimals,target,floor
        A1,Assessments,H,MS,1,80,75
        B2,Caseload,H,MS,0,18,
        N4,New,H,MS,,,

        """,
        "observations.csv": """
        area,indicator,period,value,numerator,denominator,target,rag,team
        K1,A1,2024-08,80,41,50,,,
        K1,A1,2024-09,70,,,72,,
        K1,A1,2024-10,81,,,,,
        K1,B2,2024-09,17,,,,AMBER,
        D1,A1,2024-09,90,,,,,Dover CSWT
        D1,A1,2024-09,88,,,,,Dover East
        S1,A1,2024-10,50,,,,,

        """,
    ]

    private func diff() throws -> EditionDiff {
        let old = try TempDataset(Self.oldFiles), new = try TempDataset(Self.newFiles)
        defer { old.remove(); new.remove() }
        let a = try XCTUnwrap(loadOrFail([old.path])?.dataset), b = try XCTUnwrap(loadOrFail([new.path])?.dataset)
        return EditionDiff(old: a, new: b)
    }

    private func line(_ c: EditionChange) -> String { c.cells.prefix(10).joined(separator: ",") }

    func testEveryKindOfChange() throws {
        let d = try diff()
        let byKind = Dictionary(grouping: d.changes, by: \.kind)
        // K1 A1: September RED by rule (70 < 75) → October GREEN (81 ≥ 80); K1 B2's published GREEN → AMBER.
        XCTAssertEqual(byKind[.rating]?.map(line), ["K1,A1,2024-10,rating,70.0,81.0,RED,GREEN,rating,",
                                                    "K1,B2,2024-09,rating,17,17,GREEN,AMBER,rating,"])
        XCTAssertEqual(byKind[.rating]?.first?.oldPeriod, .month(2024, 9))
        XCTAssertEqual(byKind[.revised]?.map(line), ["K1,A1,2024-08,revised,40,41,AMBER,GREEN,numerator,",
                                                     "K1,B2,2024-09,revised,GREEN,AMBER,GREEN,AMBER,rag,"])
        XCTAssertEqual(byKind[.added]?.map(line), [
            "S1,,,added,,,,,area,",
            ",N4,,added,,,,,indicator,",
            "K1,A1,2024-10,added,,81.0,,GREEN,figure,",
            "D1,A1,,added,,,,,series,Dover East",
        ])
        XCTAssertEqual(byKind[.removed]?.map(line), [
            "M1,,,removed,,,,,area,",
            ",C3,,removed,,,,,indicator,",
            "D1,B2,,removed,,,,,series,",
        ])
        XCTAssertEqual(byKind[.target]?.map(line), [
            ",A1,,target,85.0,80.0,,,target,",
            ",B2,,target,L,H,,,polarity,",
            ",B2,,target,1,0,,,decimals,",
            "K1,A1,2024-09,target,,72.0,RED,RED,target,",
        ])
        XCTAssertEqual(d.changes.map(\.kind), d.changes.map(\.kind).sorted {
            EditionChange.Kind.allCases.firstIndex(of: $0)! < EditionChange.Kind.allCases.firstIndex(of: $1)!
        }, "listed kind by kind")
        XCTAssertEqual(d.summary, "2 rating changes, 2 revised figures, 4 added, 3 removed, 4 target changes")
    }

    func testRatingsSayHowTheyWereArrivedAt() throws {
        let d = try diff()
        let rag = try XCTUnwrap(d.changes.first { $0.kind == .revised && $0.what == "rag" })
        XCTAssertEqual([rag.oldRatedBy, rag.newRatedBy], [.published, .published])
        let rating = try XCTUnwrap(d.changes.first { $0.kind == .rating })
        XCTAssertEqual([rating.oldRatedBy, rating.newRatedBy], [.rule, .rule])
    }

    func testIdenticalEditionsHaveNoDifferences() throws {
        let a = try TempDataset(Self.newFiles)
        defer { a.remove() }
        let ds = try XCTUnwrap(loadOrFail([a.path])?.dataset)
        let d = EditionDiff(old: ds, new: ds)
        XCTAssertTrue(d.isEmpty)
        XCTAssertEqual(d.render(.csv, old: "a", new: "b"), EditionDiff.fields.joined(separator: ",") + "\n")
        XCTAssertEqual(d.render(.json, old: "a", new: "b"), "[]\n")
        XCTAssertTrue(d.render(.text, old: "a", new: "b").hasSuffix("No differences.\n"))
    }

    func testFormats() throws {
        let d = try diff()
        let csv = d.render(.csv, old: "old", new: "new").split(separator: "\n").map(String.init)
        XCTAssertEqual(csv.first, "area_code,indicator,period,change,old_value,new_value,old_rag,new_rag,what,team,old_period,old_rated_by,new_rated_by,area,name")
        XCTAssertEqual(csv.count, 1 + d.changes.count, "one row per change")

        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(d.render(.json, old: "old", new: "new").utf8)) as? [[String: Any]])
        XCTAssertEqual(json.count, d.changes.count)
        XCTAssertEqual(Set(json[0].keys), Set(EditionDiff.fields))
        let target = try XCTUnwrap(json.first { $0["what"] as? String == "target" && $0["area_code"] is NSNull }, "area_code is null for an indicator's change")
        XCTAssertEqual(target["old_value"] as? Double, 85)
        XCTAssertEqual(target["new_value"] as? Double, 80)
        XCTAssertTrue(target["period"] is NSNull)
        let polarity = try XCTUnwrap(json.first { $0["what"] as? String == "polarity" })
        XCTAssertEqual(polarity["old_value"] as? String, "L")

        let text = d.render(.text, old: "old", new: "new")
        XCTAssertTrue(text.hasPrefix("old → new: 2 rating changes, 2 revised figures, 4 added, 3 removed, 4 target changes\n"), text)
        XCTAssertTrue(text.contains("\nRating changes on the latest figure (2)\n"), text)
        XCTAssertTrue(text.contains("Sep-24 → Oct-24"), text)
        XCTAssertTrue(text.contains("RED (rule)"), text)
        XCTAssertTrue(text.contains("all areas"), text)

        let md = d.render(.markdown, old: "old|x", new: "new")
        XCTAssertTrue(md.hasPrefix("# Changes from old\\|x to new\n"), md)
        XCTAssertTrue(md.contains("\n## Targets, floors and polarity (4)\n\n| Area | Code |"), md)
    }
}
