#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Storage for what a large load fills once and keeps: the observation columns and the series
/// order, megabytes each. (Not the file's bytes: see `FileReader`, and docs/performance.md for
/// why fresh huge pages for a buffer used once cost more than they save on some machines.)
///
/// Fresh memory reaches a process one 4 KB page at a time, each on a page fault: at England
/// scale (1.2 million rows, ~150 MB) the faults were a fifth of the CPU time of a load. Where the
/// kernel offers transparent huge pages only on request (`madvise` mode, the common default),
/// asking for them on these few large blocks makes one fault serve 2 MB. Nothing else changes:
/// the memory is the same, ordinary memory, freed the ordinary way.
enum LargeStorage {
    /// Blocks smaller than this are left alone: a huge page would be mostly unused.
    static let minimumBytes = 2 << 20
    static let hugePageBytes = 2 << 20

    /// Advises the kernel to back the whole 2 MB pages inside `bytes` bytes at `start` with
    /// huge pages. Best effort: a kernel without them, or that refuses, changes nothing.
    static func adviseHugePages(_ start: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
        guard bytes >= minimumBytes else { return }
        let first = (Int(bitPattern: start) + hugePageBytes - 1) & ~(hugePageBytes - 1)
        let last = (Int(bitPattern: start) + bytes) & ~(hugePageBytes - 1)
        guard last > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(aligned, last - first, MADV_HUGEPAGE)
        #endif
    }
}

extension Array {
    /// Makes room for `capacity` elements in all. An empty array that needs a large block gets
    /// one advised for huge pages (`LargeStorage`); otherwise this is `reserveCapacity`.
    mutating func reserveLarge(_ capacity: Int) {
        guard isEmpty, self.capacity < capacity, capacity * MemoryLayout<Element>.stride >= LargeStorage.minimumBytes else {
            reserveCapacity(capacity)
            return
        }
        self = Array(unsafeUninitializedCapacity: capacity) { buffer, count in
            if let base = buffer.baseAddress {
                LargeStorage.adviseHugePages(UnsafeMutableRawPointer(base), bytes: buffer.count * MemoryLayout<Element>.stride)
            }
            count = 0
        }
    }

    /// `count` elements, element `i` being `element(i)`; a large array is backed by huge pages.
    init(largeCount count: Int, _ element: (Int) -> Element) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                LargeStorage.adviseHugePages(UnsafeMutableRawPointer(base), bytes: buffer.count * MemoryLayout<Element>.stride)
                for i in 0..<count { (base + i).initialize(to: element(i)) }
            }
            initialized = count
        }
    }
}
