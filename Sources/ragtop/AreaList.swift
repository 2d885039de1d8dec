import ArgumentParser
import Dashboard
import ScorecardData

/// `--compare Dover,Thanet`: areas named by a comma-separated list. The names are checked
/// against the data once it is loaded (`codes(in:shown:)`); an empty list is a usage error here.
struct AreaList: ExpressibleByArgument {
    /// The list as given.
    var text: String

    init?(argument: String) {
        guard argument.contains(where: { $0 != "," && $0 != " " }) else { return nil }
        text = argument
    }

    /// The areas' codes, in order: usage errors (exit 64) for a name the data does not have,
    /// for the area already shown, and for more than `DetailPane.maxCompared`.
    func codes(in dataset: Dataset, shown: String) throws -> [String] {
        let named = dataset.areas(inList: text)
        if let unknown = named.unknown {
            throw ValidationError(Console.safe("--compare: no area '\(unknown)' in the data (try: \(dataset.areas.prefix(8).map(\.name).joined(separator: ", ")) …)"))
        }
        if let same = named.areas.first(where: { $0.code == shown }) {
            throw ValidationError(Console.safe("--compare: \(same.name) is the area shown (--area); compare other areas with it"))
        }
        guard named.areas.count <= DetailPane.maxCompared else {
            throw ValidationError("--compare takes at most \(DetailPane.maxCompared) areas, not \(named.areas.count)")
        }
        return named.areas.map(\.code)
    }
}
