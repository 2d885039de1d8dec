import ScorecardData

/// The `?` overlay: the keys (from the keymap table), every mark the pane on screen drew (from
/// the glyph table), and how ratings and filters work.
enum HelpView {
    static func lines(_ s: DashboardState, marks: [Mark]) -> [(String, StyleRole)] {
        var out: [(String, StyleRole)] = []
        var section = ""
        let keymap = s.keymap
        let rebound = keymap.reboundSummary(ascii: s.glyphs.ascii)
        if !rebound.isEmpty {
            out.append(("Keys changed in config.toml ([keys]; ragtop config lists them all)", .header))
            for line in rebound { out.append(("  " + line, .muted)) }
            out.append(("", .text))
        }
        for entry in keymap.helpLines(ascii: s.glyphs.ascii) {
            if entry.section != section {
                if !section.isEmpty { out.append(("", .text)) }
                section = entry.section
                out.append((section, .header))
            }
            out.append(("  " + TextWidth.fit(entry.keys, 16) + " " + entry.help, .text))
        }
        out.append(("", .text))
        out.append(("Marks on this pane (\(s.pane.title))", .header))
        for m in marks {
            let sample = LegendLine.sample(m, s.glyphs)
            out.append(("  " + TextWidth.fit(sample.isEmpty ? "bold/underline" : sample, 14) + " " + m.entry.meaning, m.entry.chrome ? .muted : LegendLine.role(m)))
        }
        out.append(("", .text))
        out.append(("Ratings", .header))
        out.append(("  Published ratings and directions of travel are shown as given. Where none is", .muted))
        out.append(("  published, ragtop rates the figure by rule from the KPI's polarity and the target", .muted))
        out.append(("  and floor set for that area, and marks it \(s.glyphs[.byRule]) (by rule). A target rates only", .muted))
        out.append(("  the areas it was set for: a county total rates no district. Below a target with no", .muted))
        out.append(("  floor, ragtop cannot tell AMBER from RED and does not guess: \(LegendLine.sample(.undecided, s.glyphs)) target missed.", .muted))
        out.append(("  A team serving several districts (\(s.glyphs[.sharedTeam])) is shown on each district's page, counted", .muted))
        out.append(("  once in leagues, and not in a district's own R/A/G counts.", .muted))
        out.append(("  A figure's status is shown beside it ([p] provisional …); a missing figure says why", .muted))
        out.append(("  ([c] suppressed, [x] not available …) and is a gap (\(s.glyphs[.gap])) in charts, never a zero.", .muted))
        out.append(("", .text))
        out.append(("Filters", .header))
        out.append(("  \(keymap.filterKeys(ascii: s.glyphs.ascii)) show only rows of those colours (rows without a rating hide)\(keymap.hint(for: .clearFilters, ascii: s.glyphs.ascii).map { "; \($0) clears" } ?? "").", .muted))
        out.append(("  In Districts the RAG filter keeps districts rated so on the selected KPI.", .muted))
        out.append(("  \(keymap.hint(for: .search, ascii: s.glyphs.ascii) ?? "The text filter") matches code or name; lower case ignores case, a capital makes it exact.", .muted))
        out.append(("", .text))
        out.append(("EHCP projection", .header))
        for l in TextBlock.wrap(EHCPStatement.projectionMethod, width: max(20, min(s.width - 10, 90))) { out.append(("  " + l, .muted)) }
        return out
    }

    static func draw(into c: inout Canvas, state s: DashboardState, marks: [Mark]) {
        let content = lines(s, marks: marks)
        let w = min(s.width - 4, 100)
        let h = s.height - 2
        let frame = Rect(x: (s.width - w) / 2, y: 1, width: w, height: h)
        c.fill(frame, role: .text)
        Box.draw(frame, title: " Help · keys and marks · any other key closes ", into: &c)
        let inner = h - 2
        let start = min(s.helpScroll, max(0, content.count - inner))
        for i in 0..<inner {
            let k = start + i
            guard k < content.count else { break }
            c.text(content[k].0, x: frame.x + 2, y: frame.y + 1 + i, maxWidth: w - 4, role: content[k].1)
        }
        if content.count > inner {
            let keys = [Command.down, .up].compactMap { s.keymap.hint(for: $0, ascii: s.glyphs.ascii) }.joined(separator: "/")
            c.text(" \(keys.isEmpty ? "Space" : keys) scroll \(start + 1)-\(min(content.count, start + inner))/\(content.count) ", x: frame.right - 26, y: frame.bottom - 1, role: .muted)
        }
    }
}

/// A box with a title in its top edge.
enum Box {
    static func draw(_ r: Rect, title: String, into c: inout Canvas) {
        guard r.width >= 2, r.height >= 2 else { return }
        let g = c.glyphs
        let corners = Array(g[.corner])
        for col in r.x..<r.right {
            c[col, r.y] = Cell(g.horizontal, role: .border)
            c[col, r.bottom - 1] = Cell(g.horizontal, role: .border)
        }
        for row in r.y..<r.bottom {
            c[r.x, row] = Cell(g.vertical, role: .border)
            c[r.right - 1, row] = Cell(g.vertical, role: .border)
        }
        if corners.count == 4 {
            c[r.x, r.y] = Cell(corners[0], role: .border)
            c[r.right - 1, r.y] = Cell(corners[1], role: .border)
            c[r.x, r.bottom - 1] = Cell(corners[2], role: .border)
            c[r.right - 1, r.bottom - 1] = Cell(corners[3], role: .border)
        }
        c.record(.horizontal, .vertical, .corner)
        c.text(title, x: r.x + 2, y: r.y, maxWidth: r.width - 4, role: .title)
    }
}

/// The `A` overlay: pick an area by typing part of its name.
enum AreaPickerView {
    /// Where the picker and its rows are.
    struct Regions {
        var frame: Rect
        var prompt: Rect
        var list: Rect
        /// The option shown on the list's first row.
        var first: Int

        /// The option at (x, y), if a row of the list is there.
        func row(at x: Int, y: Int) -> Int? {
            list.contains(x: x, y: y) ? first + (y - list.y) : nil
        }
    }

    static func regions(screen: ScreenLayout, options: Int, cursor: Int) -> Regions {
        let w = min(50, screen.width - 4)
        let h = min(screen.height - 4, max(6, options + 4))
        let frame = Rect(x: (screen.width - w) / 2, y: 2, width: w, height: h)
        let inner = frame.inset(left: 2, top: 1, right: 2, bottom: 1)
        let (prompt, list) = inner.splitTop(1)
        let first = max(0, cursor - list.height + 1)
        return Regions(frame: frame, prompt: prompt, list: list, first: first)
    }

    static func draw(into c: inout Canvas, state s: DashboardState, query: String, cursor: Int) {
        let options = s.pickerChoices(query)
        let r = regions(screen: s.screen, options: options.count, cursor: cursor)
        c.fill(r.frame, role: .text)
        Box.draw(r.frame, title: s.pickingAreaB ? " Area B, beside \(s.shared.areaName(s.area)) · Esc cancels " : " Pick an area · Enter opens · Esc cancels ", into: &c)
        c.text("> \(query)\(c.glyphs[.caret])", in: r.prompt, role: .statusKey, marks: [.caret])
        for i in 0..<r.list.height {
            let k = r.first + i
            guard k < options.count else { break }
            let a = options[k].area
            let depth = s.dataset.ancestry(of: a.code).count - 1
            let indent = String(repeating: " ", count: min(6, depth))
            if options[k].withNeighbours {
                // The same choice as `report --neighbours`: the area beside its neighbours.
                let text = indent + "  \(a.name) with its \(s.dataset.neighbours.of(a.code).count) neighbours"
                c.text(text, in: r.list.row(i), role: k == cursor ? .selection : .muted)
            } else {
                c.text(indent + a.name + "  " + a.code, in: r.list.row(i), role: k == cursor ? .selection : .text)
            }
        }
        if options.isEmpty { c.text("no area matches", in: r.list.row(0), role: .muted) }
    }
}

/// Word wrapping for paragraphs of text.
enum TextBlock {
    /// Word-wraps text to lines of at most `width` columns (a word longer than a line is cut
    /// by the canvas when drawn).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 4 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let w = String(word)
            if line.isEmpty {
                line = w
            } else if TextWidth.of(line) + 1 + TextWidth.of(w) <= width {
                line += " " + w
            } else {
                lines.append(line)
                line = w
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
