// UTF8Locale: puts the C library in a UTF-8 locale before libedit starts.
//
// Measured here: in the default "C" locale libedit silently drops multibyte input, so Korean
// typed at the prompt vanishes. libedit decodes keystrokes with the C locale's LC_CTYPE, so it
// must be a UTF-8 one before el_init. Numbers keep the "C" format (LC_NUMERIC), so printf-style
// formatting never starts writing decimal commas under a German or French locale.

import CEditLine

#if canImport(Glibc)
import Glibc
#endif

/// Locale set-up for libedit.
public enum UTF8Locale {
    /// Adopts the user's locale (LANG, LC_*), falling back to C.UTF-8 for character handling when
    /// that locale is not UTF-8. Returns whether LC_CTYPE is UTF-8 afterwards.
    /// The switch happens once per process: `setlocale` is not thread-safe, so a second call while
    /// other threads format text (as in the test process) could crash the C library.
    @discardableResult
    public static func activate() -> Bool { activation }

    private static let activation: Bool = {
        _ = setlocale(LC_ALL, "")
        _ = setlocale(LC_NUMERIC, "C")
        if isActive { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if isActive { return true }
        }
        return false
    }()

    /// Whether the current LC_CTYPE is UTF-8.
    public static var isActive: Bool {
        guard let codeset = nn_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
