import KhanaenCLI
import KhanaenCore

/// Runs a command in this process as `login`, with HOME at `home` (and `env` over it), and
/// returns its exit code and what it printed: the harness the command tests share.
func runCommand(_ args: [String], home: String, as login: String = "chair", env: [String: String] = [:]) -> (code: Int32, out: String, err: String) {
    var out = "", err = ""
    var environment = ["HOME": home, "USER": login]
    environment.merge(env) { $1 }
    let code = CLI.run(args, CommandContext(environment: environment, login: login, uid: 1000, out: { out += $0 }, err: { err += $0 }))
    return (code, out, err)
}
