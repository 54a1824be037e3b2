import Foundation
import XCTest

extension TerminalDriver {
    /// Starts a private OpenSSH server on 127.0.0.1:`port` for an end-to-end test: its host key,
    /// configuration, pid file (`root`/sshd.pid, for stopping it) and log under `root`, keys
    /// only (`authorizedKeys`, with sshd's %u), no PAM; `extra` adds configuration lines.
    func startSSHServer(root: String, port: Int, authorizedKeys: String, extra: String = "",
                        file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(shell("ssh-keygen -q -t ed25519 -N '' -f \(root)/host_key").status, 0, file: file, line: line)
        try """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(root)/host_key
        PidFile \(root)/sshd.pid
        AuthorizedKeysFile \(authorizedKeys)
        StrictModes no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        \(extra)
        """.write(toFile: root + "/sshd_config", atomically: true, encoding: .utf8)
        shell("mkdir -p /run/sshd && chmod 755 /run/sshd")
        let started = shell("/usr/sbin/sshd -f \(root)/sshd_config -E \(root)/sshd.log")
        XCTAssertEqual(started.status, 0, started.out, file: file, line: line)
    }
}
