import Foundation
import NNCore
import NNData
func rss() -> String { (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8))?.split(separator: "\n").first { $0.hasPrefix("VmRSS") }.map(String.init) ?? "?" }
let args = Array(CommandLine.arguments.dropFirst())
var context = DataLoadContext(projectDataFolder: "data", generator: SeededGenerator(seed: 1))
context.progress = { e in if case .progress = e {} else { print("event:", e) } }
if args.first == "fetch" {
  let t = Date()
  do { let r = try DataCatalog.fetchMNIST(context: context, force: args.contains("force")); print("fetch:", r.route.map { $0.rawValue } ?? "already there", String(format: "%.2f s", Date().timeIntervalSince(t))) }
  catch { print(error) }
  exit(0)
}
print("before:", rss())
var keep: [LoadedDataSet] = []
for i in 0..<4 {
  let t = Date()
  do {
    let d = try DataCatalog.load(args, context: context)
    print(args.joined(separator: " "), i, String(format: "%.3f s", Date().timeIntervalSince(t)), d.splitSummary)
    if i == 0 { keep.append(d); print("after first load:", rss()) }
  } catch { print(error); break }
}
// One pass of batches over the training set, to time fillBatch.
if let d = keep.first {
  let x = Matrix(rows: 100, cols: d.featureCount)
  var labels = [Int32](repeating: 0, count: 100)
  let t = Date()
  var idx = [Int32](repeating: 0, count: 100)
  for b in 0..<(d.train.count / 100) {
    for k in 0..<100 { idx[k] = Int32(b * 100 + k) }
    idx.withUnsafeBufferPointer { i in labels.withUnsafeMutableBufferPointer { d.train.fillBatch(i, features: x, labels: $0) } }
  }
  print("fillBatch over the training set:", String(format: "%.3f s", Date().timeIntervalSince(t)), "rss:", rss())
}
