// Glossary: the words of deep learning as the lessons use them, Korean beside English, one
// Korean word per term (에폭, not 에포크; 은닉층, not 숨은 층). `help glossary` prints it; the
// Korean messages and lessons are checked against it (GlossaryTests).

import TermCharts

package enum Glossary {
    /// One term: the Korean word the lab uses, the English word, and a short meaning in Korean.
    struct Term: Sendable {
        let korean: String
        let english: String
        let meaning: String
    }

    static let terms: [Term] = [
        Term(korean: "신경망", english: "neural network", meaning: "층을 쌓아 입력을 출력으로 바꾸는 함수"),
        Term(korean: "층", english: "layer", meaning: "가중치와 활성화 함수로 이루어진 계산 단계"),
        Term(korean: "은닉층", english: "hidden layer", meaning: "입력층과 출력층 사이의 층"),
        Term(korean: "유닛", english: "unit (neuron)", meaning: "층 안의 값 하나를 계산하는 단위"),
        Term(korean: "가중치", english: "weight", meaning: "학습으로 바뀌는 연결의 세기"),
        Term(korean: "편향", english: "bias", meaning: "가중합에 더하는 상수"),
        Term(korean: "활성화 함수", english: "activation function", meaning: "층의 출력에 적용하는 비선형 함수 (sigmoid, relu, ...)"),
        Term(korean: "비용", english: "cost (loss)", meaning: "예측이 정답에서 얼마나 먼지 재는 값. 학습은 이것을 줄입니다"),
        Term(korean: "정확도", english: "accuracy", meaning: "맞게 분류한 예제의 비율"),
        Term(korean: "기울기", english: "gradient", meaning: "가중치를 조금 바꿀 때 비용이 변하는 정도"),
        Term(korean: "기울기 소실", english: "vanishing gradient", meaning: "역전파 중에 기울기가 입력 쪽으로 갈수록 작아져 앞쪽 층이 배우지 못하는 현상"),
        Term(korean: "역전파", english: "backpropagation", meaning: "출력에서 입력 쪽으로 기울기를 계산해 나가는 방법"),
        Term(korean: "학습률", english: "learning rate", meaning: "기울기 방향으로 한 번에 움직이는 크기"),
        Term(korean: "옵티마이저", english: "optimizer", meaning: "기울기로 가중치를 바꾸는 규칙 (sgd, adam, ...)"),
        Term(korean: "에폭", english: "epoch", meaning: "학습 데이터 전체를 한 번 도는 것"),
        Term(korean: "배치", english: "batch", meaning: "가중치를 한 번 바꿀 때 쓰는 예제 묶음"),
        Term(korean: "초기화", english: "initialization", meaning: "학습 전에 가중치의 처음 값을 정하는 방법 (xavier, he, ...)"),
        Term(korean: "과적합", english: "overfitting", meaning: "학습 데이터만 잘 맞히고 새 데이터에서는 성능이 떨어지는 현상"),
        Term(korean: "드롭아웃", english: "dropout", meaning: "학습 중에 유닛 일부를 무작위로 끄는 정규화 방법"),
        Term(korean: "앙상블", english: "ensemble", meaning: "여러 모델의 예측을 평균해 하나로 쓰는 방법"),
        Term(korean: "멤버", english: "(ensemble) member", meaning: "앙상블을 이루는 모델 하나. 시드만 다르게 따로 학습합니다"),
        Term(korean: "학습 데이터", english: "training set", meaning: "가중치를 배우는 데 쓰는 데이터"),
        Term(korean: "검증 데이터", english: "validation set", meaning: "학습 중에 설정을 비교하는 데 쓰는 데이터"),
        Term(korean: "테스트 데이터", english: "test set", meaning: "마지막에 한 번 성능을 재는 데이터"),
        Term(korean: "실행", english: "run", meaning: "`train` 한 번의 기록 (runs, plot에서 이름으로 부름)"),
        Term(korean: "레슨", english: "lesson", meaning: "nnlab의 실습 단원 (강의의 'N강'과 구별)"),
        Term(korean: "세션", english: "session", meaning: "저장하고 다시 실행할 수 있는 명령의 기록"),
    ]

    /// The glossary as a table.
    package static func render(_ style: Style) -> String {
        let table = TextTable(columns: [TableColumn(loc(.glossaryTerm), alignment: .left),
                                        TableColumn(loc(.glossaryEnglish), alignment: .left),
                                        TableColumn(loc(.glossaryMeaning), alignment: .left)],
                              rows: terms.map { [$0.korean, $0.english, $0.meaning] }, border: .minimal)
        return style.bold(loc(.glossaryTitle)) + "\n" + table.render(style)
    }
}
