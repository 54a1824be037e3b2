import Foundation
import KhanaenCLI

setvbuf(stdout, nil, _IOFBF, 1 << 16)
let context = CommandContext(
    environment: ProcessInfo.processInfo.environment,
    out: { FileHandle.standardOutput.write($0.data(using: .utf8)!) },
    err: { FileHandle.standardError.write($0.data(using: .utf8)!) })
exit(CLI.run(Array(CommandLine.arguments.dropFirst()), context))
