// nnlab's own command-line options, run as a process: closed sets are refused with their choices.

import Foundation
import Testing
import TestProcess

@Suite("nnlab command line", .enabled(if: NNLabProcess.path != nil, NNLabProcess.notBuiltMessage))
struct CommandLineTests {
    @Test("--lang takes en or ko; anything else is an error naming both")
    func language() throws {
        let path = try #require(NNLabProcess.path)
        let refused = try runProcess(path, ["--lang", "fr", "-c", "set"])
        #expect(refused.status != 0)
        #expect(refused.output.contains("'fr' is invalid") && refused.output.contains("'en' and 'ko'"), "\(refused.output)")
        let korean = try runProcess(path, ["--lang", "ko", "-c", "set"])
        #expect(korean.status == 0 && korean.output.hasSuffix("lang ko\n"), "\(korean.output)")
    }
}
