// Generated from the repository's themes/*.toml by Tests/ThemesTests/EmbeddedThemesTests.swift.
// Do not edit: change the files in themes/ and run
//   RAGTOP_REGENERATE_THEMES=1 swift test --filter EmbeddedThemesTests

public enum BundledThemes {
    public static let all: [BundledTheme] = [
        BundledTheme(name: "default", text: ##"""
# ragtop's default theme, for terminals with a dark background.
# The classic red, amber and green, in bold. Roles a theme leaves out come from this one.
# How to write a theme: docs/themes.md.
name = "default"
description = "Dark background: bold red, amber, green"

[roles]
"text"            = "default"
"muted"           = "#8A8A8A"
"header"          = "#87AFD7 bold"
"title"           = "#FFFFFF bold"
"border"          = "#5F5F87"
"selection"       = "reverse"
"status"          = "#D0D0D0 on #303040"
"status.key"      = "#FFD75F on #303040 bold"
"breadcrumb"      = "#5FD7FF bold"
"error"           = "#FF5F5F bold"
"warning"         = "#FFAF00"
"changed"         = "#FFFF87 bold underline"
"rag.red"         = "#FF4040 bold"
"rag.amber"       = "#FFAF00 bold"
"rag.green"       = "#40D040 bold"
"rag.none"        = "#808080"
"chart.line"      = "#5FD7FF"
"chart.target"    = "#40D040"
"chart.floor"     = "#FF4040"
"chart.benchmark" = "#AF87FF"
"chart.axis"      = "#808080"
"chart.compare1"  = "#FFAF5F"
"chart.compare2"  = "#FF87D7"
"chart.compare3"  = "#D7D75F"
"chart.compare4"  = "#87D7AF"
"tile.empty"      = "#606060"
"highlight"       = "#FFFFFF bold"
"help.key"        = "#FFD75F bold"

"""##),
        BundledTheme(name: "light", text: ##"""
# For terminals with a light (white or cream) background. The text keeps the terminal's own
# colours; every colour but the border has a contrast of at least 4.5:1 against white (WCAG AA).
name = "light"
description = "Light background: dark red, amber, green"

[roles]
"text"            = "default"
"muted"           = "#666666"
"header"          = "#1F5A96 bold"
"title"           = "#111111 bold"
"border"          = "#8C8CA8"
"selection"       = "reverse"
"status"          = "#1A1A1A on #D6DAE4"
"status.key"      = "#7A3E00 on #D6DAE4 bold"
"breadcrumb"      = "#00597A bold"
"error"           = "#B00020 bold"
"warning"         = "#8A5A00"
"changed"         = "#6B2FA0 bold underline"
"rag.red"         = "#B3261E bold"
"rag.amber"       = "#8A5A00 bold"
"rag.green"       = "#2E7D32 bold"
"rag.none"        = "#707070"
"chart.line"      = "#00597A"
"chart.target"    = "#2E7D32"
"chart.floor"     = "#B3261E"
"chart.benchmark" = "#6B2FA0"
"chart.axis"      = "#707070"
"chart.compare1"  = "#9A4D00"
"chart.compare2"  = "#8B1A6B"
"chart.compare3"  = "#5C5C00"
"chart.compare4"  = "#00695C"
"tile.empty"      = "#767676"
"highlight"       = "#111111 bold"
"help.key"        = "#7A3E00 bold"

# On terminals with 16 or 8 colours ragtop picks the nearest of those colours itself; this dark
# amber would become red there, so the terminal's own yellow is used instead.
[roles-16]
"rag.amber"       = "yellow bold"

"""##),
        BundledTheme(name: "colourblind", text: ##"""
# Safe for red-green colour blindness (deuteranopia, protanopia) on a dark background.
# Okabe & Ito's palette: vermillion for RED, yellow for AMBER, sky blue for GREEN. The three
# also differ in lightness (OKLab L 0.62, 0.90, 0.74), so they stay apart even in grey.
name = "colourblind"
description = "Red-green safe (Okabe-Ito): vermillion, yellow, sky blue"

[roles]
"text"            = "default"
"muted"           = "#8A8A8A"
"header"          = "#56B4E9 bold"
"title"           = "#FFFFFF bold"
"border"          = "#5F5F87"
"selection"       = "reverse"
"status"          = "#D0D0D0 on #303040"
"status.key"      = "#F0E442 on #303040 bold"
"breadcrumb"      = "#56B4E9 bold"
"error"           = "#D55E00 bold"
"warning"         = "#E69F00"
"changed"         = "#CC79A7 bold underline"
"rag.red"         = "#D55E00 bold"
"rag.amber"       = "#F0E442 bold"
"rag.green"       = "#56B4E9 bold"
"rag.none"        = "#808080"
"chart.line"      = "#FFFFFF"
"chart.target"    = "#56B4E9"
"chart.floor"     = "#D55E00"
"chart.benchmark" = "#CC79A7"
"chart.axis"      = "#808080"
"chart.compare1"  = "#E69F00"
"chart.compare2"  = "#F0E442"
"chart.compare3"  = "#009E73"
"chart.compare4"  = "#9AC4F8"
"tile.empty"      = "#606060"
"highlight"       = "#FFFFFF bold"
"help.key"        = "#F0E442 bold"

"""##),
        BundledTheme(name: "colourblind-light", text: ##"""
# Safe for red-green colour blindness (deuteranopia, protanopia) on a light background.
# Darkened Okabe & Ito hues: deep vermillion for RED, dark amber for AMBER, blue for GREEN.
# Lightness differs too (OKLab L 0.39, 0.57, 0.50) and every colour but the border has a
# contrast of at least 4.5:1 against white.
name = "colourblind-light"
description = "Red-green safe, light background: deep vermillion, amber, blue"

[roles]
"text"            = "default"
"muted"           = "#666666"
"header"          = "#0068A8 bold"
"title"           = "#111111 bold"
"border"          = "#8C8CA8"
"selection"       = "reverse"
"status"          = "#1A1A1A on #D6DAE4"
"status.key"      = "#7A2100 on #D6DAE4 bold"
"breadcrumb"      = "#0068A8 bold"
"error"           = "#7A2100 bold"
"warning"         = "#8A5A00"
"changed"         = "#8E3B86 bold underline"
"rag.red"         = "#7A2100 bold"
"rag.amber"       = "#A06C00 bold"
"rag.green"       = "#0068A8 bold"
"rag.none"        = "#707070"
"chart.line"      = "#333333"
"chart.target"    = "#0068A8"
"chart.floor"     = "#7A2100"
"chart.benchmark" = "#8E3B86"
"chart.axis"      = "#707070"
"chart.compare1"  = "#8A5000"
"chart.compare2"  = "#6B5A00"
"chart.compare3"  = "#00694D"
"chart.compare4"  = "#004C8C"
"tile.empty"      = "#767676"
"highlight"       = "#111111 bold"
"help.key"        = "#7A2100 bold"

# On 16 or 8 colours the dark amber would become red: use the terminal's yellow.
[roles-16]
"rag.amber"       = "yellow bold"

"""##),
        BundledTheme(name: "high-contrast", text: ##"""
# Maximum contrast for low vision or bright rooms, on a dark background: white text, no dim
# greys, bold pure colours. Every colour has a contrast of at least 7:1 (WCAG AAA) against
# black, and RED, AMBER and GREEN differ in lightness (OKLab L 0.70, 0.97, 0.79).
name = "high-contrast"
description = "Maximum contrast: bold pure colours, no dim text"

[roles]
"text"            = "#FFFFFF"
"muted"           = "#D0D0D0"
"header"          = "#FFFF00 bold underline"
"title"           = "#FFFFFF bold"
"border"          = "#FFFFFF"
"selection"       = "reverse bold"
"status"          = "#FFFFFF on #00005F"
"status.key"      = "#FFFF00 on #00005F bold"
"breadcrumb"      = "#00FFFF bold"
"error"           = "#FFFFFF on #B00000 bold"
"warning"         = "#000000 on #FFD700 bold"
"changed"         = "#FFFF00 bold underline"
"rag.red"         = "#FF6666 bold"
"rag.amber"       = "#FFFF00 bold"
"rag.green"       = "#00E000 bold"
"rag.none"        = "#D0D0D0"
"chart.line"      = "#00FFFF bold"
"chart.target"    = "#00E000 bold"
"chart.floor"     = "#FF6666 bold"
"chart.benchmark" = "#FF80FF bold"
"chart.axis"      = "#FFFFFF"
"chart.compare1"  = "#FFD700 bold"
"chart.compare2"  = "#FF99CC bold"
"chart.compare3"  = "#99FF99 bold"
"chart.compare4"  = "#FFFFFF bold underline"
"tile.empty"      = "#D0D0D0"
"highlight"       = "#FFFF00 bold"
"help.key"        = "#FFFF00 bold"

"""##),
        BundledTheme(name: "mono", text: ##"""
# No colour at all: attributes only, for monochrome terminals, NO_COLOR and printing.
# RAG is told apart by its glyph and letter (✖ R, ▲ A, ● G) and by attributes:
# RED bold and underlined, AMBER underlined, GREEN plain. (Not reverse: the league table's bars
# are drawn in the rating's style, and a reversed █ would vanish.)
# ragtop uses this theme when colour is off (NO_COLOR, --no-color) and you chose no other.
name = "mono"
description = "No colour: glyphs, bold underline RED, underline AMBER"

[roles]
"text"            = "plain"
"muted"           = "dim"
"header"          = "bold"
"title"           = "bold"
"border"          = "plain"
"selection"       = "reverse"
"status"          = "underline"
"status.key"      = "bold underline"
"breadcrumb"      = "bold"
"error"           = "bold reverse"
"warning"         = "bold"
"changed"         = "reverse"
"rag.red"         = "bold underline"
"rag.amber"       = "underline"
"rag.green"       = "plain"
"rag.none"        = "dim"
"chart.line"      = "plain"
"chart.target"    = "bold"
"chart.floor"     = "underline"
"chart.benchmark" = "dim"
"chart.axis"      = "dim"
"chart.compare1"  = "bold"
"chart.compare2"  = "underline"
"chart.compare3"  = "bold underline"
"chart.compare4"  = "italic"
"tile.empty"      = "dim"
"highlight"       = "bold"
"help.key"        = "bold"

"""##),
    ]
}
