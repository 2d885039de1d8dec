import ArgumentParser

/// sysexits(3) codes ragtop uses.
enum ExitStatus {
    /// EX_DATAERR: the input data was incorrect.
    static let dataError = ExitCode(65)
    /// EX_NOINPUT: an input file or directory did not exist or was not readable.
    static let noInput = ExitCode(66)
    /// EX_CANTCREAT: an output file could not be created.
    static let cannotCreate = ExitCode(73)
}
