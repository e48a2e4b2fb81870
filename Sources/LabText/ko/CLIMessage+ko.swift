// CLIMessage+ko: the command line's help in Korean.

extension CLIMessage {
    public var korean: String {
        switch self {
        case .cliSeed: "모든 난수 추출의 시드 (기본값 777)."
        case .cliDataDir: "데이터 세트 파일이 든 폴더. 가장 먼저 찾아봅니다 (NNLAB_DATA로도 정할 수 있습니다)."
        case .cliLang: "nnlab이 말하는 모든 것의 언어: en 또는 ko (기본값: NNLAB_LANG, 없으면 LANG=ko_KR.UTF-8 같은 한국어 로캘에서 ko, 그 밖에는 en)."
        case .cliAbstract: "딥러닝 신경망이 어떻게 학습하는지 직접 해 보며 배우는 실습실."
        case .cliDiscussion: "하위 명령 없이 실행하면 실습실의 REPL이 열립니다. 거기서 `help`를 입력하세요."
        case .cliRepl: "실습실을 엽니다 (기본 동작)."
        case .cliCommands: "이 명령들을 (;로 구분) 실행하고 끝냅니다."
        case .cliRecover: "이 폴더에서 시작했다가 저장하지 않고 끝난 nnlab의 작업을 묻지 않고 되살립니다 (-c와 함께 쓰면 명령을 실행하기 전에)."
        case .cliRun: "명령 파일을 실행합니다. 처음 실패한 줄에서 멈춥니다 (파일과 줄을 알려 주고 종료 상태 1)."
        case .cliRunScript: "스크립트: 한 줄에 명령 하나, #은 주석."
        case .cliKeepGoing: "모든 줄을 실행하고 실패마다 알려 줍니다. 하나라도 실패했으면 끝에 종료 상태 1."
        case .cliJSON: "글 대신 사건(에폭, 평가, 오류)마다 JSON 객체 하나를 출력합니다."
        case .cliReplay: "저장한 세션을 재생하고 기록된 수치를 모두 비교합니다."
        case .cliReplayDiscussion: "종료 상태: 모든 수치가 (--tolerance 안에서) 일치하면 0, 하나라도 다르거나 명령이 실패하면 1, 파일을 세션으로 읽을 수 없으면 2."
        case .cliReplaySessions: "세션 이름 (./sessions에서, 그다음 예제 세션에서 찾습니다) 또는 .nnlab 파일."
        case .cliReplayAll: "이 폴더의 세션을 모두 재생합니다."
        case .cliReplayFast: "세션마다 빠른 버전을 실행하고 그 빠른 수치와 비교합니다."
        case .cliReplayStep: "명령마다 실행하기 전에 Enter를 기다립니다."
        case .cliReplayTolerance: "일치로 칠 수 있는 가장 큰 차이 (수치는 소수 넷째 자리까지). 기본값: 이 nnlab의 계산 방식으로 기록한 세션이면 0 (같은 비트), 다른 방식이면 0.0005."
        case .cliReplayQuiet: "비교 결과만 출력합니다."
        case .cliReplayRecord: "재생한 수치를 각 파일에 써 넣습니다 (전체 재생이면 가중치도)."
        case .cliData: "데이터 세트 관리."
        case .cliDataFetch: "데이터 세트를 한 번 받아 둡니다 (mnist)."
        case .cliDataFetchName: "데이터 세트: mnist."
        case .cliDataFetchQuiet: "문제가 있을 때만 출력합니다."
        case .cliTutorial: "레슨 관리."
        case .cliVerify: "사람 없이 레슨을 실행하고 모든 기대를 확인합니다. 하나라도 다르거나 명령이 실패하면 종료 상태 1."
        case .cliVerifyLesson: "레슨 하나 (번호나 이름). 빼면 모든 레슨."
        case .cliVerifyFast: "레슨마다 `fast:` 머리글대로 줄여서 실행합니다 (CI)."
        case .cliVerifyRecord: "이번 전체 실행의 수치를 레슨의 `measured:` 줄에 써 넣습니다 (영어와 번역 모두)."
        case .cliVerifyVerbose: "모든 명령과 그 출력을 보여 줍니다."
        }
    }
}
