// XORData: the four XOR points, the lecture's example of a problem one layer cannot solve.
//
// Train and test are the same four examples and there is no validation split: the point is
// to watch a deep sigmoid network struggle to fit them (vanishing gradients), not to generalise.

import NNCore

/// The XOR table: the lecture's example that one layer cannot learn and a deep sigmoid net
/// learns slowly (vanishing gradients).
public enum XORData {
    public static func make() -> LoadedDataSet {
        let data = InMemoryData(features: Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), labels: [0, 1, 1, 0], classCount: 2)
        let info = DataSetInfo(name: "xor", summary: "the four XOR points: label = x1 xor x2",
                               classNames: ["0", "1"], featureShape: [2], source: "built in",
                               identity: DataIdentity(name: "xor"))
        return LoadedDataSet(info: info, train: data, validation: nil, test: data)
    }
}
