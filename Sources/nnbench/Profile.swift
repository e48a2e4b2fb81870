// --profile: where one epoch's time goes, each phase added on top of the previous one.

import NNEngine

func profile(data: LabeledData, batch: Int) {
    guard let network = try? lab105Model() else { return }
    let generator = SeededGenerator(seed: 777)
    network.initialize(generator: generator)
    let x = Matrix(rows: batch, cols: 784)
    var labels = [Int32](repeating: 0, count: batch)
    let order = (0..<Int32(data.count)).map { $0 }
    let params = network.parameters
    let optimizer = Optimizer(OptimizerSpec(.adam))
    optimizer.prepare(params)
    let stats = GradientStats(network: network)
    let context = ForwardContext(mode: .training, generator: generator)
    func phase(_ name: String, _ body: () -> Void) {
        let start = now()
        for b in 0..<(data.count / batch) {
            order.withUnsafeBufferPointer { all in
                labels.withUnsafeMutableBufferPointer { lab in
                    data.fillBatch(UnsafeBufferPointer(rebasing: all[(b * batch)..<((b + 1) * batch)]), features: x, labels: lab)
                }
            }
            body()
        }
        print("  " + name.padding(toLength: 26, withPad: " ", startingAt: 0) + f3(now() - start) + " s")
    }
    var start = now()
    for _ in 0..<(data.count / batch) { optimizer.step(params) }
    print("  adam alone, \(data.count / batch) steps over \(network.parameterCount) weights: " + f3(now() - start) + " s")
    start = now()
    for _ in 0..<(data.count / batch) { stats.record() }
    print("  gradient sizes alone, every step: " + f3(now() - start) + " s")
    print("where an epoch's time goes (cumulative):")
    phase("fill batches") {}
    phase("+ forward") { network.forward(x, context: context) }
    phase("+ loss and backward") { _ = labels.withUnsafeBufferPointer { network.trainStep(x, labels: $0, context: context) } }
    phase("+ adam") {
        _ = labels.withUnsafeBufferPointer { network.trainStep(x, labels: $0, context: context) }
        optimizer.step(params)
    }
    phase("+ gradient stats every step") {
        _ = labels.withUnsafeBufferPointer { network.trainStep(x, labels: $0, context: context) }
        optimizer.step(params)
        stats.record()
    }
}
