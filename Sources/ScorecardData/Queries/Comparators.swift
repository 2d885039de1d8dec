extension Dataset {
    /// An indicator's latest regional benchmark (the South East, else statistical neighbours,
    /// else any comparator named for the south) and national one (England, else one whose name
    /// starts with England, such as England and Wales).
    public func comparators(indicator code: String) -> (regional: Benchmark?, national: Benchmark?) {
        let all = latestBenchmarks(indicator: code)
        let regional = all.first { $0.comparator == "South East" } ?? all.first { $0.comparator.lowercased().contains("neighbour") }
            ?? all.first { $0.comparator.lowercased().contains("south") }
        let national = all.first { $0.comparator == "England" } ?? all.first { $0.comparator.lowercased().hasPrefix("england") }
        return (regional, national)
    }

    /// The region an area sits in (the South East for Kent): its nearest ancestor of kind
    /// `region`, if any.
    public func region(of code: String) -> Area? {
        ancestry(of: code).last { $0.kind?.lowercased() == "region" && $0.code != code }
    }

    /// The country at the top of an area's hierarchy (England), if any.
    public func country(of code: String) -> Area? {
        ancestry(of: code).first { $0.kind?.lowercased() == "country" }
    }
}
