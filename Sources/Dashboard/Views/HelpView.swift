import ScorecardData

/// The `?` overlay, generated from the keymap table.
enum HelpView {
    static func lines(_ s: DashboardState) -> [(String, StyleRole)] {
        var out: [(String, StyleRole)] = []
        var section = ""
        for entry in Keymap.helpLines(ascii: s.glyphs.ascii) {
            if entry.section != section {
                if !section.isEmpty { out.append(("", .text)) }
                section = entry.section
                out.append((section, .header))
            }
            out.append(("  " + TextWidth.fit(entry.keys, 16) + " " + entry.help, .text))
        }
        out.append(("", .text))
        out.append(("RAG", .header))
        out.append(("  \(s.glyphs.ragLabel(.red))  RED: floor standard not achieved", .ragRed))
        out.append(("  \(s.glyphs.ragLabel(.amber))  AMBER: floor achieved, target not met", .ragAmber))
        out.append(("  \(s.glyphs.ragLabel(.green))  GREEN: target met", .ragGreen))
        out.append(("  \(s.glyphs.ragLabel(nil))  no rating (no target, or not available)", .ragNone))
        out.append(("  Direction of travel: \(s.glyphs.dot(.improved)) improved  \(s.glyphs.dot(.worsened)) worsened  \(s.glyphs.dot(.same)) same", .text))
        out.append(("  Published RAG and DoT are shown as given; otherwise ragtop computes them.", .muted))
        out.append(("", .text))
        out.append(("Filters", .header))
        out.append(("  r/a/g show only rows of those colours (rows without a rating hide); x clears.", .muted))
        out.append(("  In Districts the RAG filter keeps districts rated so on the selected KPI.", .muted))
        out.append(("  / matches code or name; lower case ignores case, a capital makes it exact.", .muted))
        out.append(("", .text))
        out.append(("EHCP projection", .header))
        for l in Fmt.wrap(EHCPStatement.projectionMethod, width: max(20, min(s.width - 10, 90))) { out.append(("  " + l, .muted)) }
        return out
    }

    static func draw(into c: inout Canvas, state s: DashboardState) {
        let content = lines(s)
        let w = min(s.width - 4, 96)
        let h = s.height - 2
        let x = (s.width - w) / 2
        let y = 1
        c.fill(x: x, y: y, width: w, height: h, role: .text)
        box(into: &c, x: x, y: y, width: w, height: h, title: " Help · keys · any other key closes ", glyphs: s.glyphs)
        let inner = h - 2
        let start = min(s.helpScroll, max(0, content.count - inner))
        for i in 0..<inner {
            let k = start + i
            guard k < content.count else { break }
            c.text(content[k].0, x: x + 2, y: y + 1 + i, maxWidth: w - 4, role: content[k].1)
        }
        if content.count > inner {
            c.text(" j/k scroll \(start + 1)-\(min(content.count, start + inner))/\(content.count) ", x: x + w - 26, y: y + h - 1, role: .muted)
        }
    }

    static func box(into c: inout Canvas, x: Int, y: Int, width w: Int, height h: Int, title: String, glyphs: Glyphs) {
        let a = glyphs.ascii
        for col in x..<(x + w) {
            c[col, y] = Cell(a ? "-" : "─", role: .border)
            c[col, y + h - 1] = Cell(a ? "-" : "─", role: .border)
        }
        for row in y..<(y + h) {
            c[x, row] = Cell(a ? "|" : "│", role: .border)
            c[x + w - 1, row] = Cell(a ? "|" : "│", role: .border)
        }
        c[x, y] = Cell(a ? "+" : "╭", role: .border)
        c[x + w - 1, y] = Cell(a ? "+" : "╮", role: .border)
        c[x, y + h - 1] = Cell(a ? "+" : "╰", role: .border)
        c[x + w - 1, y + h - 1] = Cell(a ? "+" : "╯", role: .border)
        c.text(title, x: x + 2, y: y, maxWidth: w - 4, role: .title)
    }
}

/// The `A` overlay: pick an area by typing part of its name.
enum AreaPickerView {
    static func draw(into c: inout Canvas, state s: DashboardState, query: String, cursor: Int) {
        let options = s.pickerAreas(query)
        let w = min(50, s.width - 4)
        let h = min(s.height - 4, max(6, options.count + 4))
        let x = (s.width - w) / 2, y = 2
        c.fill(x: x, y: y, width: w, height: h, role: .text)
        HelpView.box(into: &c, x: x, y: y, width: w, height: h, title: " Pick an area · Enter opens · Esc cancels ", glyphs: s.glyphs)
        c.text("> \(query)▏", x: x + 2, y: y + 1, maxWidth: w - 4, role: .statusKey)
        let inner = h - 3
        let start = max(0, cursor - inner + 1)
        for i in 0..<inner {
            let k = start + i
            guard k < options.count else { break }
            let a = options[k]
            let depth = s.dataset.ancestry(of: a.code).count - 1
            c.text(String(repeating: " ", count: min(6, depth)) + a.name + "  " + a.code, x: x + 2, y: y + 2 + i, maxWidth: w - 4, role: k == cursor ? .selection : .text)
        }
        if options.isEmpty { c.text("no area matches", x: x + 2, y: y + 2, role: .muted) }
    }
}
