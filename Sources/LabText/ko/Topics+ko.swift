// Topics+ko: the one-line meanings `help activations`, `help initializers` and `help optimizers`
// list, in Korean, by the engine's names. The English lines are the engine's own (`summary`);
// TopicTextTests fail when a choice of the engine has no Korean line here.

package enum KoreanTopics {
    package static let activations: [String: String] = [
        "linear": "항등 함수: y = x (회귀 출력이나 합치기 전에)",
        "sigmoid": "1 / (1 + e^-x): 0..1, 기울기가 최대 0.25라 깊이 쌓으면 기울기가 사라집니다",
        "tanh": "(e^x - e^-x) / (e^x + e^-x): -1..1, 0을 중심으로 한 sigmoid",
        "relu": "max(0, x): 켜진 곳의 기울기가 1, 기울기 소실의 해법",
        "leaky_relu": "max(alpha x, x): x < 0에서도 작은 기울기를 남기는 relu",
        "elu": "x, x < 0이면 alpha (e^x - 1): 매끄럽고 평균이 0에 더 가깝습니다",
        "selu": "활성값이 정규화된 채로 유지되도록 크기를 맞춘 elu",
        "maxout": "k개의 직선 중 가장 큰 값 (가중치가 k배)",
        "softmax": "행마다 e^x / sum e^x: 클래스 확률 (출력층)",
    ]

    package static let initializers: [String: String] = [
        "zeros": "모든 가중치가 0: 유닛이 모두 같아져 아무것도 배우지 못합니다",
        "constant": "모든 가중치가 같은 값",
        "normal": "N(0, stddev²): 강의의 'random normal' (stddev=1)",
        "truncated_normal": "표준편차 두 배 밖을 잘라 낸 N(0, stddev²)",
        "uniform": "U(-limit, limit)",
        "xavier": "Glorot: U(±sqrt(6/(fan_in+fan_out)))",
        "xavier_normal": "Glorot 정규분포: 분산 2/(fan_in+fan_out)",
        "he": "He: 분산 2/fan_in ('/2'를 붙인 xavier), relu용",
        "he_uniform": "He 균등분포: U(±sqrt(6/fan_in))",
        "lecun": "LeCun: 분산 1/fan_in (selu용)",
        "rbm": "층마다 RBM으로 미리 학습한 뒤 미세 조정",
    ]

    package static let optimizers: [String: String] = [
        "sgd": "기본 경사 하강법: w -= lr * g",
        "momentum": "지난 걸음을 기억하는 속도를 더한 경사 하강법",
        "nesterov": "걸음을 내딛기 전에 앞을 내다보는 momentum",
        "adagrad": "기울기 제곱이 쌓일수록 작아지는 가중치별 학습률",
        "rmsprop": "기울기 제곱의 지수 평균으로 정하는 가중치별 학습률",
        "adadelta": "기울기와 지난 걸음의 이동 평균으로 정하는 학습률",
        "adam": "momentum과 RMSProp에 편향 보정을 더한 방법 (nnlab의 기본)",
    ]

    /// The line for `name` in `table` when the shell speaks Korean, else `english`.
    package static func line(_ table: [String: String], _ name: String, english: String) -> String {
        switch Language.current {
        case .en: english
        case .ko: table[name] ?? english
        }
    }
}
