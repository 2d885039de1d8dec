/// A line of commentary or a corrective action on an area's indicator for a period (notes.csv).
public struct Note: Hashable, Sendable {
    /// What a note is.
    public enum Kind: String, Sendable, CaseIterable {
        /// What the figure shows and why (the scorecard's commentary).
        case commentary
        /// What is being done about it: management action, with an owner and a due date when known.
        case action
    }

    /// The area's code (areas.csv).
    public var area: String
    /// The indicator's code (indicators.csv).
    public var indicator: String
    /// The period the note was written for.
    public var period: Period
    public var kind: Kind
    public var text: String
    /// Who is responsible (actions); free text.
    public var owner: String?
    /// When the action is due.
    public var due: CalendarDate?
    /// Where the note comes from (e.g. `001:1107`, a line of a committee paper).
    public var source: String?
    /// Where it was read: the file's path and the 1-based line.
    public var path: String
    public var line: Int

    public init(area: String, indicator: String, period: Period, kind: Kind, text: String, owner: String? = nil,
                due: CalendarDate? = nil, source: String? = nil, path: String = "", line: Int = 0) {
        self.area = area
        self.indicator = indicator
        self.period = period
        self.kind = kind
        self.text = text
        self.owner = owner
        self.due = due
        self.source = source
        self.path = path
        self.line = line
    }
}
