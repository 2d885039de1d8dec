// libFuzzer entry for the data-module targets. One binary serves them all: RAGTOP_FUZZ_TARGET
// (csv, loader, ees or nhs) picks the FuzzHarness function (the harness is the FUZZ HARNESS
// section of Tests/ScorecardDataTests/HostileInputTests.swift). Built and run by Tests/Fuzz/fuzz.sh.
#if canImport(Glibc)
import Glibc
#endif

let fuzzTarget: ([UInt8]) -> Void = {
    let name = getenv("RAGTOP_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    switch name {
    case "csv": return FuzzHarness.csv
    case "loader": return FuzzHarness.loader
    case "ees": return FuzzHarness.ees
    case "nhs": return FuzzHarness.nhs
    default:
        fputs("set RAGTOP_FUZZ_TARGET to csv, loader, ees or nhs (not '\(name)')\n", stderr)
        exit(2)
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzTarget(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
