/// A colour as a theme gives it: the terminal's default, a 0-255 palette index, or 24-bit RGB.
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    case index(UInt8)
    case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes a role may carry.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let underline = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
}

/// How one role looks: foreground, background and attributes.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A theme maps every style role to a `RoleStyle`.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [StyleRole: RoleStyle]

    public init(name: String, styles: [StyleRole: RoleStyle]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> RoleStyle {
        styles[role] ?? Theme.builtInDefault.styles[role] ?? RoleStyle()
    }

    /// The built-in dark theme, used when no theme file is found and as the fallback for roles a
    /// theme leaves out.
    public static let builtInDefault: Theme = {
        func fg(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ a: TextAttributes = []) -> RoleStyle {
            RoleStyle(foreground: .rgb(r, g, b), attributes: a)
        }
        return Theme(name: "default", styles: [
            .text: RoleStyle(),
            .muted: fg(0x8a, 0x8a, 0x8a),
            .header: fg(0x87, 0xaf, 0xd7, .bold),
            .title: fg(0xff, 0xff, 0xff, .bold),
            .border: fg(0x5f, 0x5f, 0x87),
            .selection: RoleStyle(attributes: .reverse),
            .status: RoleStyle(foreground: .rgb(0xd0, 0xd0, 0xd0), background: .rgb(0x30, 0x30, 0x40)),
            .statusKey: RoleStyle(foreground: .rgb(0xff, 0xd7, 0x5f), background: .rgb(0x30, 0x30, 0x40), attributes: .bold),
            .breadcrumb: fg(0x5f, 0xd7, 0xff, .bold),
            .error: fg(0xff, 0x5f, 0x5f, .bold),
            .warning: fg(0xff, 0xaf, 0x00),
            .changed: fg(0xff, 0xff, 0x87, [.bold, .underline]),
            .ragRed: fg(0xff, 0x40, 0x40, .bold),
            .ragAmber: fg(0xff, 0xaf, 0x00, .bold),
            .ragGreen: fg(0x40, 0xd0, 0x40, .bold),
            .ragNone: fg(0x80, 0x80, 0x80),
            .chartLine: fg(0x5f, 0xd7, 0xff),
            .chartTarget: fg(0x40, 0xd0, 0x40),
            .chartFloor: fg(0xff, 0x40, 0x40),
            .chartBenchmark: fg(0xaf, 0x87, 0xff),
            .chartAxis: fg(0x80, 0x80, 0x80),
            .chartCompare1: fg(0xff, 0xaf, 0x5f),
            .chartCompare2: fg(0xff, 0x87, 0xd7),
            .chartCompare3: fg(0xd7, 0xd7, 0x5f),
            .chartCompare4: fg(0x87, 0xd7, 0xaf),
            .tileEmpty: fg(0x60, 0x60, 0x60),
            .highlight: fg(0xff, 0xff, 0xff, .bold),
            .helpKey: fg(0xff, 0xd7, 0x5f, .bold),
        ])
    }()
}
