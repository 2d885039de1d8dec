import XCTest
@testable import ScorecardData

final class RuleTests: XCTestCase {
    /// SCS19 in the Kent scorecard: higher is better, target 85, floor 75, one decimal.
    let scs19 = Indicator(code: "SCS19", name: "Assessments completed within 45 working days", polarity: .high,
                          periodType: .monthlySnapshot, unit: "percent", decimals: 1, target: 85, floor: 75)
    /// Lower is better, target 20, floor 25 (like a caseload).
    let caseload = Indicator(code: "EH-CASELOAD", name: "Average caseload", polarity: .low, periodType: .monthlySnapshot,
                             decimals: 1, target: 20, floor: 25)
    /// Close to target: inside 15…25 is best; up to 5 outside is amber (like SCS13 re-referrals).
    let band = Indicator(code: "SCS13", name: "Re-referrals", polarity: .target, periodType: .rolling12Months,
                         decimals: 1, target: nil, floor: 5, targetLow: 15, targetHigh: 25)

    private func rag(_ v: Double?, _ ind: Indicator, target: Double?? = .none, floor: Double?? = .none) -> RAG? {
        RAGRule.evaluate(value: v, target: target ?? ind.target, floor: floor ?? ind.floor, indicator: ind)
    }

    func testHigherIsBetterWithFloor() {
        XCTAssertEqual(rag(73.1, scs19), .red)
        XCTAssertEqual(rag(80, scs19), .amber)
        XCTAssertEqual(rag(85.0, scs19), .green)
        XCTAssertEqual(rag(92.4, scs19), .green)
        XCTAssertEqual(rag(75, scs19), .amber, "reaching the floor exactly achieves it")
        XCTAssertEqual(rag(74.9, scs19), .red)
    }

    func testHigherIsBetterWithoutFloor() {
        XCTAssertNil(rag(80, scs19, floor: .some(nil)), "no floor: no amber band, so a miss is undecided, not RED")
        XCTAssertEqual(RAGRule.outcome(value: 80, target: 85, floor: nil, indicator: scs19), .undecided)
        XCTAssertEqual(rag(85, scs19, floor: .some(nil)), .green)
        XCTAssertEqual(RAGRule.outcome(value: 85, target: 85, floor: nil, indicator: scs19), .rated(.green))
    }

    func testMissedTargetSaysHowAMissWithoutFloorIsRated() {
        for rating in [RAG.red, .amber] {
            var ind = scs19
            ind.missedTarget = rating
            XCTAssertEqual(rag(80, ind, floor: .some(nil)), rating)
            XCTAssertEqual(rag(85, ind, floor: .some(nil)), .green, "a met target is GREEN whatever missed_target says")
            XCTAssertEqual(rag(73.1, ind), .red, "with a floor the floor decides")
            XCTAssertEqual(rag(80, ind), .amber)
            var t = band
            t.missedTarget = rating
            XCTAssertEqual(rag(27, t, floor: .some(nil)), rating)
        }
        XCTAssertNil(RAGRule.outcome(value: nil, target: 85, floor: nil, indicator: scs19), "nothing to rate: no outcome")
        XCTAssertNil(RAGRule.outcome(value: 80, target: nil, floor: nil, indicator: scs19), "no target: no outcome")
    }

    func testLowerIsBetter() {
        XCTAssertEqual(rag(18, caseload), .green)
        XCTAssertEqual(rag(20, caseload), .green)
        XCTAssertEqual(rag(22, caseload), .amber)
        XCTAssertEqual(rag(25, caseload), .amber)
        XCTAssertEqual(rag(26, caseload), .red)
        XCTAssertNil(rag(22, caseload, floor: .some(nil)))
        XCTAssertEqual(RAGRule.outcome(value: 22, target: 20, floor: nil, indicator: caseload), .undecided)
    }

    func testCloseToTarget() {
        XCTAssertEqual(rag(20, band), .green)
        XCTAssertEqual(rag(15, band), .green)
        XCTAssertEqual(rag(25, band), .green)
        XCTAssertEqual(rag(27, band), .amber)
        XCTAssertEqual(rag(11, band), .amber)
        XCTAssertEqual(rag(30, band), .amber)
        XCTAssertEqual(rag(31, band), .red)
        XCTAssertEqual(rag(9, band), .red)
        XCTAssertEqual(RAGRule.outcome(value: 27, target: nil, floor: nil, indicator: band), .undecided, "outside the band, no tolerance")
        // A T indicator with only a target: the band is that single value.
        let point = Indicator(code: "P", name: "", polarity: .target, periodType: .annual, target: 10)
        XCTAssertEqual(rag(10, point), .green)
        XCTAssertEqual(RAGRule.outcome(value: 12, target: 10, floor: nil, indicator: point), .undecided)
    }

    func testComparedAtTheIndicatorsDecimals() {
        XCTAssertEqual(rag(84.96, scs19), .green, "84.96 shows as 85.0")
        XCTAssertEqual(rag(84.94, scs19), .amber, "84.94 shows as 84.9")
        XCTAssertEqual(rag(74.96, scs19), .amber, "74.96 shows as 75.0")
        XCTAssertEqual(rag(74.94, scs19), .red)
        var noDecimals = scs19
        noDecimals.decimals = nil
        XCTAssertEqual(rag(84.96, noDecimals), .amber, "without decimals values are compared as given")
        var whole = scs19
        whole.decimals = 0
        XCTAssertEqual(rag(84.6, whole), .green)
        XCTAssertEqual(rag(84.4, whole), .amber)
    }

    func testNoRatingWithoutValueOrTarget() {
        XCTAssertNil(rag(nil, scs19))
        XCTAssertNil(rag(80, scs19, target: .some(nil)))
        let noBand = Indicator(code: "X", name: "", polarity: .target, periodType: .annual)
        XCTAssertNil(rag(5, noBand))
        XCTAssertNil(RAGRule.evaluate(value: .nan, target: 1, floor: nil, indicator: scs19))
    }

    func testPublishedTargetOverridesTheIndicators() {
        XCTAssertEqual(rag(80, scs19, target: 78), .green)
        XCTAssertEqual(rag(80, scs19, target: 90, floor: 82), .red)
    }

    func testAgrees() {
        // With a floor the rule decides exactly.
        XCTAssertTrue(RAGRule.agrees(published: .amber, value: 80, target: 85, floor: 75, indicator: scs19))
        XCTAssertFalse(RAGRule.agrees(published: .red, value: 80, target: 85, floor: 75, indicator: scs19))
        XCTAssertFalse(RAGRule.agrees(published: .green, value: 73.1, target: 85, floor: 75, indicator: scs19))
        // Without a floor AMBER and RED both agree with a missed target.
        XCTAssertTrue(RAGRule.agrees(published: .amber, value: 80, target: 85, floor: nil, indicator: scs19))
        XCTAssertTrue(RAGRule.agrees(published: .red, value: 80, target: 85, floor: nil, indicator: scs19))
        XCTAssertFalse(RAGRule.agrees(published: .green, value: 80, target: 85, floor: nil, indicator: scs19))
        XCTAssertFalse(RAGRule.agrees(published: .amber, value: 90, target: 85, floor: nil, indicator: scs19))
        // Nothing to compare with: any published rating stands.
        XCTAssertTrue(RAGRule.agrees(published: .red, value: nil, target: 85, floor: 75, indicator: scs19))
        XCTAssertTrue(RAGRule.agrees(published: .green, value: 10, target: nil, floor: nil, indicator: scs19))
    }

    func testDirectionOfTravelIsPolarityAware() {
        func dot(_ c: Double?, _ p: Double?, _ ind: Indicator) -> DOT? {
            DOTRule.evaluate(current: c, previous: p, indicator: ind, target: ind.target)
        }
        XCTAssertEqual(dot(85, 80, scs19), .improved)
        XCTAssertEqual(dot(80, 85, scs19), .worsened)
        XCTAssertEqual(dot(85.0, 84.96, scs19), .same, "equal at one decimal")
        XCTAssertEqual(dot(18, 20, caseload), .improved, "lower is better")
        XCTAssertEqual(dot(22, 20, caseload), .worsened)
        XCTAssertEqual(dot(27, 30, band), .improved, "closer to the band")
        XCTAssertEqual(dot(24, 20, band), .same, "inside the band both times")
        XCTAssertEqual(dot(10, 27, band), .worsened, "further from the band (5 below against 2 above)")
        XCTAssertEqual(dot(12, 28, band), .same, "3 below against 3 above")
        XCTAssertNil(dot(80, nil, scs19))
        XCTAssertNil(dot(nil, 80, scs19))
        let noBand = Indicator(code: "X", name: "", polarity: .target, periodType: .annual)
        XCTAssertNil(dot(3, 4, noBand))
        XCTAssertEqual(dot(4, 4, noBand), .same)
    }

    func testCodes() {
        XCTAssertEqual(RAG(text: "red"), .red)
        XCTAssertEqual(RAG(text: "A"), .amber)
        XCTAssertEqual(RAG(text: "Green"), .green)
        XCTAssertNil(RAG(text: "PURPLE"))
        XCTAssertNil(RAG(text: ""))
        XCTAssertEqual(DOT(text: "↑"), .improved)
        XCTAssertEqual(DOT(text: "↓"), .worsened)
        XCTAssertEqual(DOT(text: "↔"), .same)
        XCTAssertEqual(DOT(text: "Improved"), .improved)
        XCTAssertEqual(DOT(text: "down"), .worsened)
        XCTAssertEqual(DOT(text: "unchanged"), .same)
        XCTAssertNil(DOT(text: "↗"))
        XCTAssertEqual(Polarity(rawValue: "H"), .high)
        XCTAssertEqual(PeriodType(rawValue: "R12M"), .rolling12Months)
    }

    /// The rules round each value half away from zero without libm: the result must be
    /// `rounded()`'s to the bit, for halves, signed zeros, the edges of exactness and values of
    /// every magnitude.
    func testRoundingMatchesTheStandardLibraryToTheBit() {
        var values: [Double] = [0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
                                0.3, -0.3, 4_503_599_627_370_495.5, -4_503_599_627_370_495.5, 4_503_599_627_370_496,
                                9_007_199_254_740_994, 1e300, -1e300, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .infinity, -.infinity, .nan]
        for k in -2000...2000 { values.append(Double(k) / 2); values.append(Double(k) / 20); values.append(Double(k) / 2000) }
        // Bit patterns of every magnitude, from a fixed-seed generator.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<200_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Double(bitPattern: state))
            values.append(Double(state >> 11) / Double(1 << 20) - Double(1 << 32))
        }
        var checked = 0
        for x in values {
            let mine = RAGRule.roundedHalfAwayFromZero(x), libm = x.rounded()
            if x.isNaN { XCTAssertTrue(mine.isNaN); continue }
            if mine.bitPattern != libm.bitPattern { XCTFail("\(x): \(mine) but rounded() gives \(libm)"); return }
            for decimals in 0...10 {
                let scale = (0..<decimals).reduce(1.0) { product, _ in product * 10 }
                let expected = (x * scale).rounded() / scale
                let got = RAGRule.rounded(x, decimals)
                if got.bitPattern != expected.bitPattern && !(got.isNaN && expected.isNaN) {
                    XCTFail("\(x) at \(decimals) decimals: \(got), expected \(expected)"); return
                }
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 400_000)
        XCTAssertNil(RAGRule.evaluate(value: .infinity, target: 1, floor: nil, indicator: scs19))
    }
}
