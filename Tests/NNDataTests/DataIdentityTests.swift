// Tests for DataIdentity: what counts as the same data (bytes and parameters, not file names),
// what the differences say, and that it survives a JSON round trip (sessions save it).

import Foundation
import Testing
@testable import NNData

@Suite struct DataIdentityTests {
    let a = DataIdentity(name: "mnist", parameters: ["split": "55000/5000/10000"],
                         files: [FileIdentity(role: "train-images", name: "train-images-idx3-ubyte", bytes: 47_040_016, sha256: "ba89aa"),
                                 FileIdentity(role: "train-labels", name: "train-labels-idx1-ubyte", bytes: 60_008, sha256: "65a5bb")])

    @Test func renamedFilesWithTheSameBytesAreTheSameData() {
        var b = a
        b.files[0].name = "train-images.idx3-ubyte"
        #expect(a != b && a.sameData(as: b) && a.differences(from: b).isEmpty)
    }

    @Test func differencesNameTheParameterOrFile() {
        var b = a
        b.parameters["split"] = "50000/10000/10000"
        b.parameters["limit"] = "100"
        b.files[1].sha256 = "ffffff"
        b.files.removeFirst()
        #expect(a.differences(from: b) == [
            "limit=(none) vs 100",
            "split=55000/5000/10000 vs 50000/10000/10000",
            "train-images: train-images-idx3-ubyte vs no file",
            "train-labels: train-labels-idx1-ubyte (60008 bytes, sha256 65a5bb) vs train-labels-idx1-ubyte (60008 bytes, sha256 ffffff)",
        ])
        #expect(DataIdentity(name: "xor").differences(from: DataIdentity(name: "circle")) == ["data set xor vs circle"])
    }

    @Test func survivesJSON() throws {
        let data = try JSONEncoder().encode(a)
        #expect(try JSONDecoder().decode(DataIdentity.self, from: data) == a)
        #expect(a.description == "mnist split=55000/5000/10000 files: train-images-idx3-ubyte (47040016 bytes, sha256 ba89aa), "
                + "train-labels-idx1-ubyte (60008 bytes, sha256 65a5bb)")
    }
}
