#if canImport(Glibc)
import Glibc
#endif

/// Gives memory the process has freed back to the system.
enum FreedMemory {
    /// glibc's `malloc_trim`, looked up at run time (Swift's Glibc module does not declare it).
    private typealias Trim = @convention(c) (Int) -> Int32

    /// After a reload replaces a large dataset, glibc keeps some of the old one's pages in its
    /// arenas (the new one was built on another thread's), so resident memory would creep up with
    /// every reload. `malloc_trim(0)` returns the free pages of every arena; with another C
    /// library this does nothing.
    static func release() {
        #if canImport(Glibc)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
