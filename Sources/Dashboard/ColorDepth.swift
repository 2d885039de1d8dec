#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the user asked for with `--color`: detect it, or force a depth.
public enum ColorMode: String, Sendable, CaseIterable {
    case auto
    case none
    case ansi16 = "16"
    case ansi256 = "256"
    case truecolor

    /// Parses a `--color` value, accepting common aliases: `never`/`off`/`no` for none,
    /// `24bit`/`true`/`rgb` for truecolor, `ansi`/`8` for 16.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "auto", "": self = .auto
        case "none", "never", "off", "no", "0": self = .none
        case "16", "ansi", "ansi16", "8": self = .ansi16
        case "256", "ansi256": self = .ansi256
        case "truecolor", "truecolour", "24bit", "24-bit", "true", "rgb", "direct": self = .truecolor
        default: return nil
        }
    }

    /// The depth this mode forces, or nil for `.auto`.
    public var forcedDepth: ColorDepth? {
        switch self {
        case .auto: return nil
        case .none: return ColorDepth.none
        case .ansi16: return .ansi16
        case .ansi256: return .ansi256
        case .truecolor: return .truecolor
        }
    }
}

/// How many colours a terminal can show. Ordered: `.none < .ansi8 < … < .truecolor`.
public enum ColorDepth: Int, Sendable, Comparable, CaseIterable {
    case none = 0
    case ansi8 = 8
    case ansi16 = 16
    case ansi256 = 256
    case truecolor = 16_777_216

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The deepest depth that fits in `count` colours (as terminfo's `colors` reports them).
    public init(colorCount count: Int) {
        if count >= ColorDepth.truecolor.rawValue { self = .truecolor }
        else if count >= 256 { self = .ansi256 }
        else if count >= 16 { self = .ansi16 }
        else if count >= 8 { self = .ansi8 }
        else { self = .none }
    }

    /// Detects the depth from the environment and (when known) terminfo's colour count.
    ///
    /// In order: a non-empty `NO_COLOR` means none; `TERM=dumb` means none; `COLORTERM` of
    /// `truecolor` or `24bit` means truecolor; a `TERM` naming `256color` means 256; then
    /// terminfo's count; then a guess from the `TERM` family (xterm-likes 16, others 8); an
    /// unknown or missing `TERM` means none.
    public static func detect(environment: [String: String], terminfoColors: Int?) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        let term = (environment["TERM"] ?? "").lowercased()
        if term == "dumb" { return .none }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if colorTerm == "truecolor" || colorTerm == "24bit" { return .truecolor }
        if term.contains("256color") || term.contains("256colour") { return .ansi256 }
        if term.hasSuffix("-direct") { return .truecolor }
        if let colors = terminfoColors, colors >= 0 {
            return ColorDepth(colorCount: colors)
        }
        if term.isEmpty { return .none }
        if term.contains("mono") { return .none }
        let sixteen = ["xterm", "rxvt", "screen", "tmux", "kitty", "alacritty", "foot", "wezterm",
                       "konsole", "vte", "gnome", "iterm", "st-", "putty", "ghostty"]
        if sixteen.contains(where: { term.hasPrefix($0) || term.contains($0) }) { return .ansi16 }
        let eight = ["linux", "vt100", "vt220", "ansi", "cygwin", "color", "cons25", "pcansi", "sun", "mach"]
        if eight.contains(where: { term.contains($0) }) { return .ansi8 }
        return .none
    }

    /// Quantises `color` to this depth. See `quantize(_:to:)`.
    public func quantize(_ color: ThemeColor) -> ThemeColor { Dashboard.quantize(color, to: self) }

    /// The RGB value of an xterm palette index (0–15: xterm's defaults; 16–231: the 6×6×6 cube;
    /// 232–255: the grey ramp).
    public static func xtermRGB(_ index: UInt8) -> (r: UInt8, g: UInt8, b: UInt8) {
        let i = Int(index)
        if i < 16 { return ColorTables.ansi16[i] }
        if i < 232 {
            let n = i - 16
            return (ColorTables.cubeLevels[n / 36], ColorTables.cubeLevels[(n / 6) % 6], ColorTables.cubeLevels[n % 6])
        }
        let v = UInt8(8 + 10 * (i - 232))
        return (v, v, v)
    }
}

extension ThemeColor {
    /// This colour quantised to `depth`.
    public func quantized(to depth: ColorDepth) -> ThemeColor { quantize(self, to: depth) }
}

/// Quantises a theme colour to what a terminal of `depth` can show:
/// - `.none`: everything becomes the terminal default;
/// - `.truecolor`: unchanged;
/// - `.ansi256`: RGB becomes the perceptually nearest index in 16–255 (the cube and the grey
///   ramp, whose values are fixed; 0–15 vary with the user's terminal palette); indexes stay;
/// - `.ansi16` / `.ansi8`: indexes below the depth stay; everything else goes through its RGB
///   value (the xterm palette for indexes) to the nearest of the 16 (or 8) ANSI colours.
/// Distances are measured in OKLab, so hue and lightness matter the way eyes weigh them. The 16
/// ANSI colours are so sparse that plain nearest-distance turns many mid-tone hues (a blue, a
/// bluish green) into grey; for those palettes a clearly chromatic colour (OKLab chroma ≥ 0.065)
/// is matched only against the chromatic ANSI colours, and a near-grey only against black, grey
/// and white, so a green RAG stays green.
public func quantize(_ color: ThemeColor, to depth: ColorDepth) -> ThemeColor {
    switch (color, depth) {
    case (.terminalDefault, _): return .terminalDefault
    case (_, .none): return .terminalDefault
    case (_, .truecolor): return color
    case (.index, .ansi256): return color
    case let (.rgb(r, g, b), .ansi256):
        return .index(ColorTables.nearest(OKLab(r, g, b), in: ColorTables.xterm256Lab, offset: 16))
    case let (.index(i), _) where Int(i) < depth.rawValue:
        return .index(i)
    case let (.index(i), _):
        let (r, g, b) = ColorDepth.xtermRGB(i)
        return quantize(.rgb(r, g, b), to: depth)
    case let (.rgb(r, g, b), .ansi16):
        return .index(ColorTables.nearestANSI(OKLab(r, g, b), count: 16))
    case let (.rgb(r, g, b), .ansi8):
        return .index(ColorTables.nearestANSI(OKLab(r, g, b), count: 8))
    }
}

/// A colour in Björn Ottosson's OKLab space: L lightness, a green–red, b blue–yellow.
public struct OKLab: Equatable, Sendable {
    public var l: Double
    public var a: Double
    public var b: Double

    public init(l: Double, a: Double, b: Double) {
        self.l = l
        self.a = a
        self.b = b
    }

    /// Converts an sRGB colour (gamma-encoded, 0–255 per channel).
    public init(_ r8: UInt8, _ g8: UInt8, _ b8: UInt8) {
        func linear(_ c: UInt8) -> Double {
            let v = Double(c) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        let r = linear(r8), g = linear(g8), b = linear(b8)
        let lms = (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b,
                   0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b,
                   0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
        let l_ = cbrt(lms.0), m_ = cbrt(lms.1), s_ = cbrt(lms.2)
        self.l = 0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_
        self.a = 1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_
        self.b = 0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_
    }

    /// Squared Euclidean distance (ΔE_OK squared); enough for choosing the nearest.
    public func distanceSquared(to o: OKLab) -> Double {
        let dl = l - o.l, da = a - o.a, db = b - o.b
        return dl * dl + da * da + db * db
    }
}

/// Palettes and their OKLab values, computed once.
enum ColorTables {
    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// xterm's default 16 colours.
    static let ansi16: [(r: UInt8, g: UInt8, b: UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static let ansi16Lab: [OKLab] = ansi16.map { OKLab($0.r, $0.g, $0.b) }
    static let chromatic16: [Int] = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14]
    static let achromatic16: [Int] = [0, 7, 8, 15]
    static let chromaThreshold = 0.065
    /// Indexes 16–255.
    static let xterm256Lab: [OKLab] = (16...255).map { i in
        let c = ColorDepth.xtermRGB(UInt8(i))
        return OKLab(c.r, c.g, c.b)
    }

    /// The nearest of the first `count` (8 or 16) ANSI colours within the same chroma class.
    static func nearestANSI(_ lab: OKLab, count: Int) -> UInt8 {
        let chroma = (lab.a * lab.a + lab.b * lab.b).squareRoot()
        let pool = (chroma >= chromaThreshold ? chromatic16 : achromatic16).filter { $0 < count }
        var best = pool[0]
        var bestDistance = Double.infinity
        for i in pool {
            let d = lab.distanceSquared(to: ansi16Lab[i])
            if d < bestDistance {
                bestDistance = d
                best = i
            }
        }
        return UInt8(best)
    }

    static func nearest(_ lab: OKLab, in table: [OKLab], offset: Int) -> UInt8 {
        var best = 0
        var bestDistance = Double.infinity
        for (i, candidate) in table.enumerated() {
            let d = lab.distanceSquared(to: candidate)
            if d < bestDistance {
                bestDistance = d
                best = i
            }
        }
        return UInt8(best + offset)
    }
}
