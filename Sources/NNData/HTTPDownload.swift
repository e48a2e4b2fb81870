// HTTPDownload: one URL downloaded to one file, with progress and an MD5 computed on the way.
//
// FoundationNetworking's URLSession with a data delegate: bytes are appended to the destination
// as they arrive, hashed, and reported through a callback. The call blocks until the transfer
// ends. An HTTP status other than 200, a network error or a timeout comes back as a thrown
// .downloadFailed; the caller removes the partial file. What to download, where, and what the
// checksum must be is decided by MNISTFetcher.

import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

enum HTTPDownload {
    /// Downloads `url` into the (new, empty) file at `destination` and returns the MD5 of the
    /// bytes received. `idleTimeout` bounds the wait for each packet, including the first.
    static func run(_ url: URL, to destination: String, idleTimeout: TimeInterval,
                    progress: (@Sendable (Int64, Int64?) -> Void)?) throws(DataError) -> String {
        guard FileManager.default.createFile(atPath: destination, contents: nil),
              let handle = FileHandle(forWritingAtPath: destination) else {
            throw .unreadable(path: destination, reason: "cannot create the download file")
        }
        defer { try? handle.close() }

        let receiver = Receiver(handle: handle, progress: progress)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = idleTimeout
        configuration.timeoutIntervalForResource = max(idleTimeout * 40, 600)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1  // delegate calls arrive one at a time, in order
        let session = URLSession(configuration: configuration, delegate: receiver, delegateQueue: queue)
        session.dataTask(with: url).resume()
        receiver.finished.wait()
        session.finishTasksAndInvalidate()  // releases the delegate

        if let failure = receiver.failure { throw .downloadFailed(url: url.absoluteString, reason: failure) }
        if let expected = receiver.expected, expected != receiver.received {
            throw .downloadFailed(url: url.absoluteString,
                                  reason: "received \(receiver.received) of \(expected) bytes")
        }
        return Digest.hex(receiver.md5.finalize())
    }

    /// The session delegate. URLSession calls it on its serial queue; `run` reads its fields only
    /// after `finished` is signalled, so no two threads touch them at once.
    private final class Receiver: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let handle: FileHandle
        let progress: (@Sendable (Int64, Int64?) -> Void)?
        let finished = DispatchSemaphore(value: 0)
        var md5 = Insecure.MD5()
        var received: Int64 = 0
        var expected: Int64?
        var failure: String?
        private var reported: Int64 = 0

        init(handle: FileHandle, progress: (@Sendable (Int64, Int64?) -> Void)?) {
            self.handle = handle
            self.progress = progress
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard status == 200 else {
                failure = "HTTP status \(status)"
                completionHandler(.cancel)
                return
            }
            expected = response.expectedContentLength > 0 ? response.expectedContentLength : nil
            progress?(0, expected)
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            guard failure == nil else { return }
            do { try handle.write(contentsOf: data) } catch {
                failure = "cannot write the file: \(error.localizedDescription)"
                dataTask.cancel()
                return
            }
            md5.update(data: data)
            received += Int64(data.count)
            // Report every 256 KB and at the end, not for every small packet.
            if received - reported >= 1 << 18 || received == expected {
                reported = received
                progress?(received, expected)
            }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            if let error, failure == nil { failure = Self.describe(error) }
            finished.signal()
        }

        /// A short reason for a transport error ("could not resolve host", "timed out", ...).
        private static func describe(_ error: Error) -> String {
            let ns = error as NSError
            if ns.domain == NSURLErrorDomain {
                switch ns.code {
                case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return "could not resolve the host (offline?)"
                case NSURLErrorTimedOut: return "timed out"
                case NSURLErrorCannotConnectToHost: return "could not connect"
                case NSURLErrorNotConnectedToInternet: return "not connected to the internet"
                default: break
                }
            }
            return ns.localizedDescription
        }
    }
}
