// libFuzzer entry for the theme target: a theme file and a config file as ragtop reads them —
// TOMLPrecheck, then TOMLKit (toml++), then ThemeParser's walk of the roles and StyleSpec's
// colours and attributes, then the catalog filling the roles left out from the base theme.
// Built by Tests/Fuzz/fuzz.sh through SwiftPM (TOMLKit is C++); EndToEndTests/ReliabilityTests
// replays Tests/Fuzz/corpus/theme and Tests/Fuzz/regressions/theme through `ragtop themes`.
import Dashboard
@testable import Themes

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)   // as ThemeCatalog.read decodes files
    let doc = ThemeParser.parse(text, path: "fuzz.toml")
    for d in doc.diagnostics where d.line < 1 { fatalError("diagnostic without a line: \(d)") }
    let config = RagtopConfig.parse(text, path: "config.toml")
    for d in config.diagnostics where d.line < 1 { fatalError("diagnostic without a line: \(d)") }
    // Resolving the base reads files when it is a path; the fuzzer stays off the file system.
    if doc.base.map({ !$0.contains("/") && !$0.hasSuffix(".toml") }) ?? true {
        let catalog = ThemeCatalog(themesDir: nil, environment: [:])
        let loaded = catalog.load(ThemeEntry(name: "fuzz", origin: .file, path: "/fuzz/fuzz.toml", text: text))
        for depth in [ColorDepth.truecolor, .ansi256, .ansi16, .none] {
            let theme = loaded.theme(for: depth)
            for role in StyleRole.allCases { _ = AnsiRenderer.sgr(theme.style(role), depth: depth) }
        }
    }
    return 0
}

// SwiftPM links an executable target's entry point as `FuzzTheme_main` (it renames `main` so tests
// can link the target); hand control to libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@_cdecl("FuzzTheme_main")
public func fuzzThemeMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var values = argv
    return LLVMFuzzerRunDriver(&count, &values) { data, size in fuzzTestOneInput(data, size) }
}
