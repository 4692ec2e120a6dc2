<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/views/program_review_dialogs.py" line="+152"/>
        <source>Add an action</source>
        <translation>対応事項の追加</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the action</source>
        <translation>対応事項の編集</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is to be done</source>
        <translation>対応する内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person or department responsible</source>
        <translation>担当者または担当部署</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due by</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Action</source>
        <translation>対応事項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Say what is to be done.</source>
        <translation>対応する内容を入力してください。</translation>
    </message>
</context>
<context>
    <name>ActionsTable</name>
    <message>
        <location line="+182"/>
        <source>Action</source>
        <translation>対応事項</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open, overdue</source>
        <translation>未対応（期限超過）</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/views/reentrustment_panel.py" line="+56"/>
        <source>Approve the re-entrustment</source>
        <translation>再委託の承認</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The work the parent hands on to this party</source>
        <translation>再委託元からこの委託先に委託する業務</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the personal information is handled (access, location, return)</source>
        <translation>個人情報の取扱方法（アクセス方法・保管場所・返却）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prior report received on</source>
        <translation>事前報告の受領日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved on</source>
        <translation>承認日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>承認者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope of work</source>
        <translation>委託業務の範囲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling method</source>
        <translation>取扱方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next re-check</source>
        <translation>次回再確認日</translation>
    </message>
</context>
<context>
    <name>AsOfDialog</name>
    <message>
        <location filename="../../ui/views/as_of_dialog.py" line="+77"/>
        <source>Register as of…</source>
        <translation>過去時点の台帳</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the register as it stood on</source>
        <translation>次の時点の台帳を表示:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rebuilt from the change history: what the register held then, including parties deleted since. Changes made outside Calmi Vendors are not in the history; `calmi-vendors check` finds them. Double-click a party to see its details and history up to then.</source>
        <translation>変更履歴から再構成した、その時点の台帳の内容です（その後削除された委託先も含みます）。Calmi Vendors の外で行われた変更は履歴にありません（`calmi-vendors check` で検出できます）。委託先をダブルクリックすると、その時点の内容と履歴を表示します。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search name, corporate number, department…</source>
        <translation>名称・法人番号・部署で検索…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>not recorded</source>
        <translation>記録なし</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corporate number</source>
        <translation>法人番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk tier</source>
        <translation>リスク区分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next audit due</source>
        <translation>次回監査予定日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner department</source>
        <translation>主管部署</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted since</source>
        <translation>その後削除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrusted work</source>
        <translation>委託業務</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+58"/>
        <source>Reading the change history…</source>
        <translation>変更履歴を読み込んでいます…</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Cancelled.</source>
        <translation>中止しました。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the register held on %1</source>
        <translation>%1 時点の台帳の内容</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 parties</source>
        <translation>委託先 %1 件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2 parties</source>
        <translation>%2 件中 %1 件の委託先</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unexpected error: %1</source>
        <translation>予期しないエラー: %1</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../ui/views/assessment_dialog.py" line="+111"/>
        <source>Save answers</source>
        <translation>回答を保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete…</source>
        <translation>完了…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Freeze the score and the result; the answers can no longer change</source>
        <translation>点数と結果を確定します。以後、回答は変更できません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send to the party as Excel…</source>
        <translation>委託先へ Excel で送付…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saves your answers first; the file carries them for the party</source>
        <translation>先に回答を保存し、その回答を記入済みのファイルを作成します</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import the party&apos;s answers…</source>
        <translation>委託先の回答を取り込む…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saves your answers first; nothing changes if any cell is wrong</source>
        <translation>先に回答を保存します。誤ったセルがあれば何も変更されません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 — %2 assessment[*]</source>
        <translation>%1 — %2評価[*]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Party</source>
        <translation>委託先</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessment</source>
        <translation>評価</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Questionnaire</source>
        <translation>調査票</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, version %2</source>
        <translation>%1（第 %2 版）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessor</source>
        <translation>評価者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Completed on %1: the answers, score and result are frozen.</source>
        <translation>%1 に完了: 回答・点数・結果は確定しています。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approved by %1.</source>
        <translation>承認者: %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conditions: %1</source>
        <translation>条件: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This assessment was cancelled; its answers can no longer change.</source>
        <translation>この評価は中止されました。回答は変更できません。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Unexpected error: %1</source>
        <translation>予期しないエラー: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Answers saved.</source>
        <translation>回答を保存しました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Complete this assessment with %1 and the result “%2”? Its answers can no longer change.</source>
        <translation>この評価を %1、結果「%2」で完了しますか？完了後は回答を変更できません。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Assessment completed.</source>
        <translation>評価を完了しました。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Completing…</source>
        <translation>完了しています…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 questionnaire %2.xlsx</source>
        <translation>%1 調査票 %2.xlsx</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved %1 for the party.</source>
        <translation>委託先向けに %1 を保存しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing %1…</source>
        <translation>%1 を書き出しています…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Imported the answers of %1.</source>
        <translation>%1 の回答を取り込みました。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was imported from %1.</source>
        <translation>%1 からは何も取り込みませんでした。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wait until the work in progress is finished.</source>
        <translation>実行中の処理が終わるまでお待ちください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessment_widgets.py" line="+343"/>
        <source>Unsaved answers</source>
        <translation>未保存の回答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some answers are not saved. Save them before closing?</source>
        <translation>保存していない回答があります。閉じる前に保存しますか？</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Questionnaire language</source>
        <translation>調査票の言語</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of the file</source>
        <translation>ファイルの言語</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Send to the party as Excel</source>
        <translation>委託先へ Excel で送付</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import the party&apos;s answers</source>
        <translation>委託先の回答の取込み</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New assessment</source>
        <translation>新しい評価</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of assessment</source>
        <translation>評価の種類</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../../ui/audit_actions.py" line="+24"/>
        <source>Plan audits…</source>
        <translation>監査を計画…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record results…</source>
        <translation>結果を記録…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close finding…</source>
        <translation>指摘事項を完了…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify closure…</source>
        <translation>完了を確認…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 audits planned.</source>
        <translation>%1 件の監査を計画しました。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select a planned audit to record its results.</source>
        <translation>結果を記録する計画中の監査を選んでください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Audit of %1 recorded.</source>
        <translation>%1 の監査結果を記録しました。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select a closed finding to verify.</source>
        <translation>確認する完了済みの指摘事項を選んでください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select an open finding to close.</source>
        <translation>完了にする未対応の指摘事項を選んでください。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Finding verified.</source>
        <translation>指摘事項の完了を確認しました。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finding closed.</source>
        <translation>指摘事項を完了にしました。</translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message>
        <location filename="../../ui/views/assessment_widgets.py" line="-96"/>
        <source>Complete the assessment</source>
        <translation>評価の完了</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who approves the result (optional)</source>
        <translation>結果の承認者（任意）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conditions of the approval, if any</source>
        <translation>承認の条件（ある場合）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complete</source>
        <translation>完了する</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Approver</source>
        <translation>承認者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../ui/views/connection_dialog.py" line="+56"/>
        <source>Connect to a shared register</source>
        <translation>共有台帳に接続</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A register shared by several people lives on the company&apos;s PostgreSQL server. Ask your administrator for the server, database and your user name.</source>
        <translation>複数の担当者で共有する台帳は、社内の PostgreSQL サーバーにあります。サーバー名・データベース名・ユーザー名は管理者に確認してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+62"/>
        <source>Saved connection</source>
        <translation>保存した接続</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this saved connection and its remembered password</source>
        <translation>この接続と記憶したパスワードを削除します</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>For example: Head office register</source>
        <translation>例: 本社の台帳</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server name or address</source>
        <translation>サーバー名またはアドレス</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+42"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Remember the password in the system keychain</source>
        <translation>パスワードをシステムのキーチェーンに記憶する</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No system keychain is available on this computer: the password is used for this session only and you will be asked for it next time.</source>
        <translation>このコンピューターではキーチェーンを使えません。パスワードは今回の接続にだけ使われ、次回も入力が必要です。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Encrypt when the server offers it</source>
        <translation>サーバーが対応していれば暗号化する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Require encryption</source>
        <translation>暗号化を必須にする</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Require encryption and check the server&apos;s certificate</source>
        <translation>暗号化を必須にし、サーバー証明書を検証する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Require encryption, check the certificate and the server name</source>
        <translation>暗号化を必須にし、証明書とサーバー名を検証する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never encrypt (only on a trusted network)</source>
        <translation>暗号化しない（信頼できるネットワークのみ）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The CA certificate your administrator gave you (.pem, .crt)</source>
        <translation>管理者から受け取った CA 証明書（.pem・.crt）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Encryption</source>
        <translation>暗号化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA certificate</source>
        <translation>CA 証明書</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect</source>
        <translation>接続</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>New connection</source>
        <translation>新しい接続</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Choose the CA certificate</source>
        <translation>CA 証明書の選択</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>証明書 (*.pem *.crt *.cer);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Enter the server&apos;s name or address.</source>
        <translation>サーバー名またはアドレスを入力してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the name of the database that holds the register.</source>
        <translation>台帳のあるデータベース名を入力してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter your user name on the database server.</source>
        <translation>データベースサーバーのユーザー名を入力してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the connection settings.</source>
        <translation>接続設定を確認してください。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+35"/>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
    <message numerus="yes">
        <location line="-30"/>
        <source>Connected as %1: register schema %2, %n part(ies).</source>
        <translation>
            <numerusform>%1 として接続しました: 台帳スキーマ %2、委託先 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Unexpected error: %1</source>
        <translation>予期しないエラー: %1</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../ui/views/contract_dialog.py" line="+73"/>
        <source>Edit consignment contract</source>
        <translation>委託契約の編集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New consignment contract</source>
        <translation>新しい委託契約</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> hours</source>
        <translation> 時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renews automatically</source>
        <translation>自動更新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allows re-entrustment (with prior approval)</source>
        <translation>再委託を認める（事前承認が必要）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title</source>
        <translation>契約名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>契約番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed</source>
        <translation>締結</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective</source>
        <translation>開始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>満了</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dates</source>
        <translation>日付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice period</source>
        <translation>解約予告期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep until</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident report within</source>
        <translation>事故報告の期限</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clause</source>
        <translation>条項</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coverage</source>
        <translation>記載状況</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Article</source>
        <translation>該当条文</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>e.g. Art. 12</source>
        <translation>例: 第12条</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What the contract stipulates</source>
        <translation>契約に定めている事項</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="+141"/>
        <source>Supervision due</source>
        <translation>期限管理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open findings</source>
        <translation>未対応の指摘事項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk tiers</source>
        <translation>リスク区分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifecycle</source>
        <translation>ライフサイクル</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Parties by risk tier</source>
        <translation>リスク区分別の委託先数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audits performed and due, by month</source>
        <translation>月別の監査実施・予定件数</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Audits overdue</source>
        <translation>監査期限超過</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audits due in %1 days</source>
        <translation>%1 日以内に監査予定</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contracts expiring in %1 days</source>
        <translation>%1 日以内に契約満了</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Certificates expiring in %1 days</source>
        <translation>%1 日以内に認証期限切れ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Parties lacking required clauses</source>
        <translation>必須条項が不足する委託先</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Past their due date</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>As of %1 · %2 entrusted parties</source>
        <translation>%1 時点 · 委託先 %2 件</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Parties</source>
        <translation>委託先数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Performed</source>
        <translation>実施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>予定</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <location filename="../../ui/views/evidence_tab.py" line="+45"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>追加日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>追加者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Drop files here to attach them. The register keeps its own copy of each file.</source>
        <translation>ここにファイルをドロップすると添付できます。台帳は各ファイルの写しを保管します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attach files…</source>
        <translation>ファイルを添付…</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Attach evidence</source>
        <translation>証跡を添付</translation>
    </message>
</context>
<context>
    <name>FindingStepDialog</name>
    <message>
        <location filename="../../ui/views/audit_dialogs.py" line="+275"/>
        <source>Verify finding</source>
        <translation>指摘事項の完了確認</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close finding</source>
        <translation>指摘事項の完了</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. corrective action report received on …</source>
        <translation>例: 是正報告書を受領（○月○日）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verified on</source>
        <translation>確認日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed on</source>
        <translation>完了日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified by</source>
        <translation>確認者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evidence of closure</source>
        <translation>是正の証跡</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/views/import_dialog.py" line="+59"/>
        <source>Import a vendor list</source>
        <translation>委託先一覧の取込み</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>An .xlsx, .xls, .ods or .csv file</source>
        <translation>.xlsx・.xls・.ods・.csv ファイル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>Found automatically</source>
        <translation>自動で検出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file name</source>
        <translation>ファイル名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imports of the same list share a source, so the next import can tell who left the list.</source>
        <translation>同じ一覧の取込みは同じ取込元になり、次回の取込みで一覧から外れた委託先がわかります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet</source>
        <translation>シート</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header row</source>
        <translation>見出し行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>取込元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the file</source>
        <translation>ファイルを読み込む</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Calmi Vendors finds the header row and the columns it knows (in Japanese or English), compares every row with the register and shows you what would change. Nothing is written until you press Import.</source>
        <translation>見出し行と既知の列（日本語・英語）を自動で見つけ、各行を台帳と照合して変更内容を表示します。［取込み］を押すまで台帳には何も書き込まれません。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Include all</source>
        <translation>すべて取り込む</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include none</source>
        <translation>すべて外す</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Changes of the selected row</source>
        <translation>選択した行の変更内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select an updated row to choose which of its changes to take, or a row with errors to read them.</source>
        <translation>更新行を選ぶと取り込む変更を選べます。エラー行を選ぶと理由を確認できます。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Rows left out</source>
        <translation>取り込まなかった行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rows left out — correct them in the file and import it again:</source>
        <translation>取り込まなかった行 — ファイルを修正して再度取り込んでください:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo this import</source>
        <translation>この取込みを取り消す</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the vendor list</source>
        <translation>委託先一覧の選択</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the file to import first.</source>
        <translation>先に取り込むファイルを選んでください。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Import %1 rows</source>
        <translation>%1 行を取り込む</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Importing…</source>
        <translation>取り込んでいます…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The import was cancelled; nothing was written.</source>
        <translation>取込みを中止しました。台帳は変更されていません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h3&gt;Imported&lt;/h3&gt;&lt;p&gt;%1 parties created, %2 updated, %3 kept as they were, %4 rows with errors and %5 duplicates left out.&lt;/p&gt;&lt;p&gt;The import is one batch: &lt;i&gt;Undo this import&lt;/i&gt; takes all of it back.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;取込み完了&lt;/h3&gt;&lt;p&gt;新規 %1 件、更新 %2 件、変更なし %3 件。エラー %4 行と重複 %5 行は取り込んでいません。&lt;/p&gt;&lt;p&gt;この取込みは 1 つの単位です。&lt;i&gt;この取込みを取り消す&lt;/i&gt; ですべて元に戻せます。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Undoing the import…</source>
        <translation>取込みを取り消しています…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;h3&gt;Import undone&lt;/h3&gt;&lt;p&gt;%1 parties removed and %2 changed fields restored.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;取込みを取り消しました&lt;/h3&gt;&lt;p&gt;委託先 %1 件を削除し、変更された %2 項目を元に戻しました。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancelled; nothing was written.</source>
        <translation>中止しました。台帳は変更されていません。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Unexpected error: %1</source>
        <translation>予期しないエラー: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_texts.py" line="+14"/>
        <source>&lt;b&gt;%1&lt;/b&gt;, sheet “%2”, header on row %3: %4 new, %5 to update, %6 unchanged, %7 with errors, %8 duplicates; %9 parties of the last import of this list are missing.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（シート「%2」、見出し %3 行目）: 新規 %4 件、更新 %5 件、変更なし %6 件、エラー %7 件、重複 %8 件。前回の取込みにあって今回の一覧にない委託先 %9 件。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Columns used: %1</source>
        <translation>使用する列: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Columns not used: %1</source>
        <translation>使用しない列: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Row %1 %2 — %3</source>
        <translation>%1 行目 %2 — %3</translation>
    </message>
</context>
<context>
    <name>ImportModel</name>
    <message>
        <location filename="../../ui/models/import_model.py" line="+28"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Same party as row %1</source>
        <translation>%1 行目と同じ委託先</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location line="+61"/>
        <source>Import</source>
        <translation>取込み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corporate number</source>
        <translation>法人番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What changes / why not</source>
        <translation>変更内容・取り込めない理由</translation>
    </message>
</context>
<context>
    <name>ImportReportBox</name>
    <message>
        <location filename="../../ui/views/assessment_panels.py" line="+272"/>
        <source>Hide</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import of %1</source>
        <translation>%1 の取込み</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was imported.</source>
        <translation>何も取り込みませんでした。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was imported: %1 cells cannot be used. Correct them and import the file again.</source>
        <translation>何も取り込みませんでした: 使えないセルが %1 件あります。修正してから再度取り込んでください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 answers changed, %2 unchanged.</source>
        <translation>回答 %1 件を変更、%2 件は変更なし。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 answers changed in the register after the export were kept.</source>
        <translation>書き出し後に台帳で変更された回答 %1 件は台帳の内容を残しました。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changed: %1</source>
        <translation>変更: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept the register&apos;s answer: %1</source>
        <translation>台帳の回答を維持: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sheet “%1”, row %2, column %3</source>
        <translation>シート「%1」%2 行目 %3 列</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="+21"/>
        <source>Candidate</source>
        <translation>候補</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under assessment</source>
        <translation>評価中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>承認済</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>取引中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspended</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminated</source>
        <translation>終了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Present</source>
        <translation>記載あり</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partial</source>
        <translation>一部記載</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing</source>
        <translation>記載なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not applicable</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical</source>
        <translation>重大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major</source>
        <translation>重要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minor</source>
        <translation>軽微</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Observation</source>
        <translation>所見</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>未対応</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>対応中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation>検証済</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On-site</source>
        <translation>実地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote</source>
        <translation>リモート</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document review</source>
        <translation>書面審査</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-assessment</source>
        <translation>自己評価</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under negotiation</source>
        <translation>交渉中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>失効</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selection</source>
        <translation>選定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periodic</source>
        <translation>定期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved with conditions</source>
        <translation>条件付承認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>否認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to party</source>
        <translation>委託先へ送付済</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In review</source>
        <translation>確認中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfactory</source>
        <translation>適合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfactory with findings</source>
        <translation>適合（指摘あり）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsatisfactory</source>
        <translation>不適合</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notice date of a contract</source>
        <translation>契約の解約通知期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planned audit</source>
        <translation>計画中の監査</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit due, none planned</source>
        <translation>監査期限（未計画）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding due</source>
        <translation>指摘事項の期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upcoming</source>
        <translation>予定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soon</source>
        <translation>間近</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due today</source>
        <translation>本日期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In force</source>
        <translation>有効</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (kana)</source>
        <translation>名称（カナ）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corporate number</source>
        <translation>法人番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country where data is processed</source>
        <translation>データの取扱国</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data subjects (approx.)</source>
        <translation>本人数（概数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrusted work</source>
        <translation>委託業務</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data categories</source>
        <translation>個人情報の種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Special-care data</source>
        <translation>要配慮個人情報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-entrustment allowed</source>
        <translation>再委託の可否</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Entrusted by (parent)</source>
        <translation>再委託元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner department</source>
        <translation>担当部署</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact name</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact e-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certifications</source>
        <translation>認証</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certification</source>
        <translation>認証</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+38"/>
        <source>Certification expires</source>
        <translation>認証の有効期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract signed</source>
        <translation>契約締結日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract effective</source>
        <translation>契約開始日</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+43"/>
        <source>Contract expires</source>
        <translation>契約満了日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>ウェブサイト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The corporate number&apos;s check digit is wrong</source>
        <translation>法人番号のチェックデジットが一致しません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a 13-digit corporate number</source>
        <translation>13 桁の法人番号ではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Not a date</source>
        <translation>日付として読めません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This date does not exist</source>
        <translation>存在しない日付です</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Not a number</source>
        <translation>数値として読めません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yes or no</source>
        <translation>有/無として読めません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not an e-mail address</source>
        <translation>メールアドレスではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not one of the allowed values</source>
        <translation>選択できる値ではありません</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+141"/>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrusted parties</source>
        <translation>委託先台帳</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Contracts</source>
        <translation>委託契約</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Assessments</source>
        <translation>評価</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audits &amp; findings</source>
        <translation>監査・指摘事項</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Navigation</source>
        <translation>ナビゲーション</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../ui/record_lists.py" line="+48"/>
        <source>Clause gaps</source>
        <translation>条項不備</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Report saved to %1</source>
        <translation>レポートを %1 に保存しました</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Program review</source>
        <translation>年次見直し</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Overview</source>
        <translation>概要</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reminders</source>
        <translation>リマインダー</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Audits</source>
        <translation>監査</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Findings</source>
        <translation>指摘事項</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Supervision rules</source>
        <translation>監督ルール</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Register location</source>
        <translation>台帳の場所</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New register…</source>
        <translation>新しい台帳(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open register…</source>
        <translation>台帳を開く(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to a &amp;shared register…</source>
        <translation>共有台帳に接続(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back up register…</source>
        <translation>台帳をバックアップ(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import vendor list…</source>
        <translation>委託先一覧の取込み(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export shown parties…</source>
        <translation>表示中の委託先をエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dashboard</source>
        <translation>ダッシュボード(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrusted &amp;parties</source>
        <translation>委託先台帳(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contracts</source>
        <translation>委託契約(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Assessments</source>
        <translation>評価(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;udits &amp;&amp; findings</source>
        <translation>監査・指摘事項(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Program review</source>
        <translation>年次見直し(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reports</source>
        <translation>レポート(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Register &amp;as of…</source>
        <translation>過去時点の台帳(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find party</source>
        <translation>委託先を検索(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User &amp;guide</source>
        <translation>ユーザーガイド(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Calmi Vendors</source>
        <translation>Calmi Vendors について(&amp;A)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading the register…</source>
        <translation>台帳を読み込んでいます…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Reminders (%1)</source>
        <translation>リマインダー (%1)</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n entrusted part(ies)</source>
        <translation>
            <numerusform>%n 件の委託先</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Unexpected error: %1</source>
        <translation>予期しないエラー: %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+10"/>
        <source>Change status</source>
        <translation>ステータスの変更</translation>
    </message>
    <message numerus="yes">
        <location line="-9"/>
        <source>New status for %n part(ies):</source>
        <translation>
            <numerusform>%n 件の委託先の新しいステータス:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reason (recorded in the history):</source>
        <translation>理由（変更履歴に記録されます）:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Back up a PostgreSQL register on the server (pg_dump).</source>
        <translation>PostgreSQL の台帳はサーバー上でバックアップしてください（pg_dump）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Back up register</source>
        <translation>台帳のバックアップ</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+49"/>
        <source>Register (*.sqlite3)</source>
        <translation>台帳 (*.sqlite3)</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Backup written to %1</source>
        <translation>バックアップを %1 に保存しました</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export shown parties</source>
        <translation>表示中の委託先のエクスポート</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Exported %n part(ies)</source>
        <translation>
            <numerusform>%n 件の委託先をエクスポートしました</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New register</source>
        <translation>新しい台帳</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 already exists; open it instead.</source>
        <translation>%1 は既に存在します。新規作成せずに開いてください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open register</source>
        <translation>台帳を開く</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Register (*.sqlite3 *.db);;All files (*)</source>
        <translation>台帳 (*.sqlite3 *.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>About Calmi Vendors</source>
        <translation>Calmi Vendors について</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;The register of entrusted parties and their supervision.&lt;/p&gt;&lt;p&gt;Register: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;委託先とその監督状況を管理する台帳です。&lt;/p&gt;&lt;p&gt;台帳: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/record_lists.py" line="-9"/>
        <location line="+16"/>
        <location line="+13"/>
        <location line="+14"/>
        <location line="+15"/>
        <location line="+16"/>
        <source>Party</source>
        <translation>委託先</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+16"/>
        <source>Contract</source>
        <translation>契約名</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Reference</source>
        <translation>契約番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+28"/>
        <location line="+14"/>
        <location line="+16"/>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Effective</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>満了日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notice (days)</source>
        <translation>解約予告（日）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Clause</source>
        <translation>条項</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coverage</source>
        <translation>記載状況</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+43"/>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Started</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>完了日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>評点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessor</source>
        <translation>評価者</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Method</source>
        <translation>監査方法</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planned</source>
        <translation>予定日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performed</source>
        <translation>実施日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditor</source>
        <translation>監査担当者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open findings</source>
        <translation>未対応の指摘事項</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Finding</source>
        <translation>指摘事項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>時期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>段階</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Subject</source>
        <translation>対象</translation>
    </message>
</context>
<context>
    <name>PartyAsOfDialog</name>
    <message>
        <location filename="../../ui/views/as_of_dialog.py" line="+46"/>
        <source>%1 as of %2</source>
        <translation>%2 時点の %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — as the register held it on %2</source>
        <translation>%1 — %2 時点の台帳の内容</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Details then</source>
        <translation>当時の内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>From</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Who</source>
        <translation>変更者</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Status changes</source>
        <translation>状態の変更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History up to then</source>
        <translation>その時点までの履歴</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Status changes and history</source>
        <translation>状態の変更と履歴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+53"/>
        <source>Risk tier</source>
        <translation>リスク区分</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+53"/>
        <source>Tier set by hand</source>
        <translation>手動で設定したリスク区分</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+53"/>
        <source>Why set by hand</source>
        <translation>手動で設定した理由</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+54"/>
        <source>Next audit due</source>
        <translation>次回監査予定日</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+57"/>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+10"/>
        <location line="+47"/>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Open findings</source>
        <translation>未対応の指摘事項</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+27"/>
        <source>Registered</source>
        <translation>登録日時</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Last changed by then</source>
        <translation>その時点の最終変更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted since</source>
        <translation>その後削除</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>not recorded in the history</source>
        <translation>履歴に記録なし</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deleted</source>
        <translation>削除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why this tier</source>
        <translation>この区分の理由</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>(recomputed)</source>
        <translation>（再計算）</translation>
    </message>
</context>
<context>
    <name>PartyWorkspace</name>
    <message>
        <location filename="../../ui/views/party_workspace.py" line="+100"/>
        <source>Dossier PDF…</source>
        <translation>個別報告書 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview, save or print this party&apos;s dossier in Reports</source>
        <translation>この委託先の個別報告書をレポート画面でプレビュー・保存・印刷します</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile</source>
        <translation>基本情報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contracts and clauses</source>
        <translation>契約・条項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessments</source>
        <translation>評価</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audits and findings</source>
        <translation>監査・指摘事項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-entrustment chain</source>
        <translation>再委託の系列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence</source>
        <translation>証跡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>変更履歴</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> (special care)</source>
        <translation>（要配慮個人情報）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading (kana)</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corporate number</source>
        <translation>法人番号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>13 digits</source>
        <translation>13桁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>所在国</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Japan or another country</source>
        <translation>（国を選択）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data processed in</source>
        <translation>データ処理国</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Same as the country</source>
        <translation>所在国と同じ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data subjects (approx.)</source>
        <translation>本人数（概数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner department</source>
        <translation>主管部署</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>ウェブサイト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This party may re-entrust work (with prior approval)</source>
        <translation>再委託を認める（事前承認が必要）</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+263"/>
        <location line="+38"/>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location line="-300"/>
        <source>Set by hand…</source>
        <translation>手動で設定…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override the computed risk tier, with a reason the register keeps</source>
        <translation>計算されたリスク区分を理由を記録して手動で変更します</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Risk tier</source>
        <translation>リスク区分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entrusted work</source>
        <translation>委託業務</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal information handled</source>
        <translation>取り扱う個人情報</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 — Entrusted party</source>
        <translation>%1 — 委託先</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 (set by hand: %2)</source>
        <translation>%1（手動設定: %2）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save or discard your changes to the profile first.</source>
        <translation>先に基本情報の変更を保存するか破棄してください。</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>New contract…</source>
        <translation>新しい契約…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Contract</source>
        <translation>契約名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>満了日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clause</source>
        <translation>条項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coverage</source>
        <translation>記載状況</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Article</source>
        <translation>条番号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Double-click a row to edit its contract</source>
        <translation>行をダブルクリックすると契約を編集できます</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New assessment…</source>
        <translation>新しい評価…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>評点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessor</source>
        <translation>評価者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click an assessment to open it</source>
        <translation>評価をダブルクリックすると開きます</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Audit / finding</source>
        <translation>監査／指摘事項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date / due</source>
        <translation>実施日／期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method / severity</source>
        <translation>監査方法／重要度</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Party</source>
        <translation>委託先</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Entrusts work to the party below</source>
        <translation>下位の委託先へ委託</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This party</source>
        <translation>この委託先</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-entrustee</source>
        <translation>再委託先</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>変更者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This party has unsaved changes. Save them before closing?</source>
        <translation>この委託先には保存されていない変更があります。閉じる前に保存しますか？</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../ui/views/pdf_preview.py" line="+41"/>
        <source>Zoom</source>
        <translation>倍率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit width</source>
        <translation>幅に合わせる</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a report and press Preview.</source>
        <translation>レポートを選び、［プレビュー］を押してください。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Page %1</source>
        <translation>%1 ページ</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The choices changed: press Preview to update.</source>
        <translation>選択内容が変わりました。［プレビュー］で更新してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Making the report…</source>
        <translation>レポートを作成しています…</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Page %1 of %2</source>
        <translation>%1 / %2 ページ</translation>
    </message>
</context>
<context>
    <name>PlanAuditsDialog</name>
    <message>
        <location filename="../../ui/views/audit_dialogs.py" line="-210"/>
        <source>Plan audits</source>
        <translation>監査の計画</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Who performs the audits</source>
        <translation>監査を実施する人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch of %1</source>
        <translation>%1 の計画</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parties whose next audit falls due within</source>
        <translation>次回監査の期限が次の日数以内の委託先:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Planned for</source>
        <translation>実施予定日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditor</source>
        <translation>監査担当者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch</source>
        <translation>計画名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan</source>
        <translation>計画する</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Party</source>
        <translation>委託先</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>リスク区分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days left</source>
        <translation>残り日数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 overdue</source>
        <translation>%1 日超過</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Plan %1 audits</source>
        <translation>%1 件の監査を計画</translation>
    </message>
</context>
<context>
    <name>ProgramFigures</name>
    <message>
        <location filename="../../ui/views/program_review_dialogs.py" line="-166"/>
        <source>Clause gaps</source>
        <translation>契約条項の不足</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing or partial clauses</source>
        <translation>不足・一部不足の条項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contracts with gaps</source>
        <translation>不足のある契約</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parties with gaps</source>
        <translation>不足のある委託先</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assessments completed in the year</source>
        <translation>年度内に完了した評価</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>不承認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selection</source>
        <translation>選定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periodic</source>
        <translation>定期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re-entrustment</source>
        <translation>再委託</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-entrustees</source>
        <translation>再委託先</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With approval recorded</source>
        <translation>承認記録あり</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Entrusted parties</source>
        <translation>委託先</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the register</source>
        <translation>台帳に登録</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under supervision</source>
        <translation>監督中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By risk tier</source>
        <translation>リスク区分別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By status</source>
        <translation>状態別</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not yet tiered</source>
        <translation>リスク区分未設定</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Supervision audits in the year</source>
        <translation>年度内の監査</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still owed</source>
        <translation>未実施</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Overdue</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Planned</source>
        <translation>計画中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parties audited</source>
        <translation>監査した委託先</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done, by method</source>
        <translation>実施済み（方法別）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Findings</source>
        <translation>指摘事項</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raised</source>
        <translation>新規</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>未対応</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Raised and closed: in the fiscal year. Open and overdue: on the day the figures were taken.</source>
        <translation>新規・完了は年度内の件数、未対応・期限超過は数値取得日時点の件数です。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No figures taken yet</source>
        <translation>数値未取得</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 of %2 audits due in the year done (%3 %)</source>
        <translation>年度内に期限の監査 %2 件のうち %1 件を実施（%3 %）</translation>
    </message>
</context>
<context>
    <name>ProgramReview</name>
    <message>
        <location line="-331"/>
        <source>FY %1</source>
        <translation>%1年度</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2 – %3)</source>
        <translation>%1（%2〜%3）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open</source>
        <translation>未対応</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropped</source>
        <translation>取りやめ</translation>
    </message>
    <message>
        <location line="+383"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The program review has unsaved changes. Save them first?</source>
        <translation>年次見直しに保存していない変更があります。保存しますか？</translation>
    </message>
</context>
<context>
    <name>ProgramReviewPage</name>
    <message>
        <location filename="../../ui/views/program_review_view.py" line="+88"/>
        <source>Fiscal years</source>
        <translation>年度</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reviews by fiscal year</source>
        <translation>年度別の見直し</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Print the review…</source>
        <translation>見直しを印刷…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview, save or print this review in Reports</source>
        <translation>この見直しをレポート画面でプレビュー・保存・印刷します</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+339"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="-311"/>
        <source>Refresh figures</source>
        <translation>数値を更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the register&apos;s figures again, as of today</source>
        <translation>本日時点の台帳の数値を取り直します</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Empty until the review is approved</source>
        <translation>見直しの承認後に入力</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the figures and the year&apos;s events show</source>
        <translation>数値と年度内の出来事から判明したこと</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Is the program effective; what must change</source>
        <translation>管理体制は有効か、何を改めるべきか</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Review date</source>
        <translation>見直し日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer</source>
        <translation>実施者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review findings</source>
        <translation>見直しで判明した事項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conclusions</source>
        <translation>結論</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>承認者</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add action…</source>
        <translation>対応事項を追加…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Actions are saved as soon as they are added or edited.</source>
        <translation>対応事項は追加・編集した時点で保存されます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Actions decided by the review</source>
        <translation>見直しで決めた対応事項</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Unexpected error: %1</source>
        <translation>予期しないエラー: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reading the program reviews…</source>
        <translation>年次見直しを読み込んでいます…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Start the review of %1…</source>
        <translation>%1 の見直しを開始…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No program review yet. Start the review of %1 to take the register&apos;s figures for the year.</source>
        <translation>年次見直しはまだありません。%1 の見直しを開始すると、その年度の台帳の数値を取得します。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in progress</source>
        <translation>実施中</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Program review of %1</source>
        <translation>%1 の年次見直し</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Figures taken as of %1.</source>
        <translation>%1 時点の数値です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No figures taken yet.</source>
        <translation>数値はまだ取得されていません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approved by %1: the figures stay as they were approved.</source>
        <translation>%1 が承認済み: 数値は承認時のまま固定されます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not approved yet.</source>
        <translation>未承認です。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving the review…</source>
        <translation>見直しを保存しています…</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+18"/>
        <source>Taking the register&apos;s figures for %1…</source>
        <translation>%1 の台帳の数値を取得しています…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Figures refreshed as of %1.</source>
        <translation>%1 時点の数値に更新しました。</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+23"/>
        <source>Saving the action…</source>
        <translation>対応事項を保存しています…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Action saved.</source>
        <translation>対応事項を保存しました。</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <location filename="../../ui/views/assessment_widgets.py" line="-224"/>
        <location line="+193"/>
        <source>Must pass</source>
        <translation>必須</translation>
    </message>
    <message>
        <location line="-189"/>
        <source>Anything but a full Yes (or N/A) fails the assessment, whatever the total</source>
        <translation>「はい」（または該当なし）以外は、合計点にかかわらず不合格になります</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evidence required</source>
        <translation>証跡が必要</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The party names the document or URL in the comment</source>
        <translation>委託先はコメント欄に文書名または URL を記入します</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Weight %1 × section weight %2</source>
        <translation>配点 %1 × 区分の重み %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+146"/>
        <source>Comment (evidence, conditions, follow-up)</source>
        <translation>コメント（証跡・条件・フォローアップ）</translation>
    </message>
    <message>
        <location line="-140"/>
        <location line="+1"/>
        <source>Clear the answer</source>
        <translation>回答を消去</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Partial</source>
        <translation>一部</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>N/A</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>— not answered —</source>
        <translation>— 未回答 —</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A number</source>
        <translation>数値</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Not applicable: not counted</source>
        <translation>該当なし: 採点対象外</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unanswered: 0 of %1 points</source>
        <translation>未回答: %1 点中 0 点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 points</source>
        <translation>%2 点中 %1 点</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Must pass — not met</source>
        <translation>必須（未達）</translation>
    </message>
</context>
<context>
    <name>QuestionnaireView</name>
    <message>
        <location filename="../../ui/views/assessment_panels.py" line="-178"/>
        <source>%1 of %2 points</source>
        <translation>%2 点中 %1 点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Must pass not met</source>
        <translation>必須の未達あり</translation>
    </message>
</context>
<context>
    <name>RecordAuditDialog</name>
    <message>
        <location filename="../../ui/views/audit_dialogs.py" line="+22"/>
        <source>Record audit results — %1</source>
        <translation>監査結果の記録 — %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the audit concluded, in a few sentences</source>
        <translation>監査の結論（数文で）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What was found</source>
        <translation>指摘の内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The corrective action asked of the party</source>
        <translation>委託先に求める是正措置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add finding</source>
        <translation>指摘事項を追加</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finding</source>
        <translation>指摘事項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrective action</source>
        <translation>是正措置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Findings</source>
        <translation>指摘事項</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Performed on</source>
        <translation>実施日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conclusion</source>
        <translation>結論</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A finding needs a title.</source>
        <translation>指摘事項の内容を入力してください。</translation>
    </message>
</context>
<context>
    <name>RecordListView</name>
    <message>
        <location filename="../../ui/views/list_view.py" line="+44"/>
        <source>Filter…</source>
        <translation>絞り込み…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 shown</source>
        <translation>%1 件を表示</translation>
    </message>
</context>
<context>
    <name>RecordLists</name>
    <message>
        <location filename="../../ui/record_lists.py" line="-86"/>
        <source>today</source>
        <translation>本日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 days overdue</source>
        <translation>%1 日超過</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1 days</source>
        <translation>あと %1 日</translation>
    </message>
</context>
<context>
    <name>ReentrustmentPanel</name>
    <message>
        <location filename="../../ui/views/reentrustment_panel.py" line="+105"/>
        <source>Record approval…</source>
        <translation>承認を記録…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record check…</source>
        <translation>確認を記録…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Approved as a re-entrustee</source>
        <translation>再委託先としての承認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foreign-regime checks</source>
        <translation>外国の制度の確認</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Approved on</source>
        <translation>承認日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>承認者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent</source>
        <translation>再委託元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope of work</source>
        <translation>委託業務の範囲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next re-check</source>
        <translation>次回再確認日</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reviewed on</source>
        <translation>確認日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Regime</source>
        <translation>制度の概要</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next review</source>
        <translation>次回確認日</translation>
    </message>
</context>
<context>
    <name>RegimeDialog</name>
    <message>
        <location line="-117"/>
        <source>Foreign-regime check</source>
        <translation>外国の制度の確認</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What was learned of the country&apos;s data-protection regime</source>
        <translation>その国の個人情報保護制度について確認した内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measures taken because of it (contract terms, audits …)</source>
        <translation>それを踏まえた措置（契約条項・監査など）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regime</source>
        <translation>制度の概要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measures</source>
        <translation>措置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed on</source>
        <translation>確認日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed by</source>
        <translation>確認者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next review</source>
        <translation>次回確認日</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../ui/models/register_model.py" line="+55"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Corporate number</source>
        <translation>法人番号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Risk tier</source>
        <translation>リスク区分</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next audit due</source>
        <translation>次回監査予定日</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Entrusted work</source>
        <translation>委託業務</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Country</source>
        <translation>所在国</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Processed in</source>
        <translation>データ処理国</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contract expires</source>
        <translation>契約満了日</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certificate expires</source>
        <translation>認証有効期限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open findings</source>
        <translation>未対応の指摘事項</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owner department</source>
        <translation>主管部署</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../ui/views/register_view.py" line="+48"/>
        <source>Search name, reading, corporate number, notes…</source>
        <translation>名称・フリガナ・法人番号・備考で検索…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search parties</source>
        <translation>委託先を検索</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Audit overdue</source>
        <translation>監査期限超過</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract expires ≤ 90 days</source>
        <translation>契約満了まで90日以内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate expires ≤ 90 days</source>
        <translation>認証期限まで90日以内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open findings</source>
        <translation>未対応の指摘事項あり</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Status filter</source>
        <translation>ステータスで絞り込み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk tier filter</source>
        <translation>リスク区分で絞り込み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrusted work filter</source>
        <translation>委託業務で絞り込み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country filter</source>
        <translation>所在国で絞り込み</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Clear filters</source>
        <translation>絞り込みを解除</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+135"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Any status</source>
        <translation>すべてのステータス</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any tier</source>
        <translation>すべてのリスク区分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any entrusted work</source>
        <translation>すべての委託業務</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any country</source>
        <translation>すべての国</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>%1 of %2 parties</source>
        <translation>%2 件中 %1 件の委託先</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Change status of %n part(ies)…</source>
        <translation>
            <numerusform>%n 件の委託先のステータスを変更…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export shown rows…</source>
        <translation>表示中の行をエクスポート…</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../ui/views/reports_view.py" line="+50"/>
        <source>Party dossier</source>
        <translation>委託先個別報告書</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything recorded about one entrusted party, as a regulator asks for it.</source>
        <translation>1 つの委託先について記録されたすべて（監督当局への説明用）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Audit report</source>
        <translation>監査報告書</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One supervision audit: scope, findings, corrective actions, signatures.</source>
        <translation>1 回の監査の範囲・指摘事項・是正措置・署名。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Portfolio supervision report</source>
        <translation>委託先監督状況報告書</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every party with tier, audits and open findings, with summary charts.</source>
        <translation>全委託先のリスク区分・監査・未完了の指摘事項と集計グラフ。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clause gap report</source>
        <translation>契約条項不足報告書</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contracts against the clause library, and the gaps to fix.</source>
        <translation>契約と必要条項の対照表、および是正すべき不足条項。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Program review</source>
        <translation>年次見直し報告書</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The yearly review of the compliance program, with its metrics.</source>
        <translation>管理体制の年次見直しと、その指標。</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+65"/>
        <source>Report</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Type a name or corporate number</source>
        <translation>名称または法人番号を入力</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The whole register.</source>
        <translation>台帳全体</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+108"/>
        <source>Party</source>
        <translation>委託先</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Register default</source>
        <translation>台帳の既定</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper</source>
        <translation>用紙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepared by</source>
        <translation>作成者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save PDF…</source>
        <translation>PDF を保存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Audit</source>
        <translation>監査</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>対象</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose the party from the list (type part of its name).</source>
        <translation>一覧から委託先を選んでください（名称の一部を入力すると候補が出ます）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The register has no supervision audit to report on.</source>
        <translation>台帳に報告できる監査がありません。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Making the report…</source>
        <translation>レポートを作成しています…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Save report</source>
        <translation>レポートを保存</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The report could not be saved: %1</source>
        <translation>レポートを保存できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <location filename="../../ui/views/rules_editor.py" line="+49"/>
        <source>Points for each risk factor</source>
        <translation>リスク要因ごとの点数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> pt</source>
        <translation> 点</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tier thresholds</source>
        <translation>リスク区分の基準</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> pt or more</source>
        <translation> 点以上</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>below the medium threshold</source>
        <translation>中の基準未満</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit cadence</source>
        <translation>監査の頻度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every</source>
        <translation>間隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> months</source>
        <translation> か月</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save rules and recompute tiers</source>
        <translation>保存してリスク区分を再計算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore defaults</source>
        <translation>既定値に戻す</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A party&apos;s points are added up from the factors that apply to it; its tier follows from the thresholds, and its next audit from the cadence of its tier. A manual tier set on a party overrides the rule.</source>
        <translation>委託先ごとに該当するリスク要因の点数を合計し、基準に従ってリスク区分を決め、その区分の頻度から次回監査日を求めます。委託先に手動で設定したリスク区分はこのルールより優先されます。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Handles special-care data</source>
        <translation>要配慮個人情報を取り扱う</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Large volume of data subjects</source>
        <translation>本人の数が多い</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>from</source>
        <translation>以上:</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Medium volume of data subjects</source>
        <translation>本人の数が中程度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data handled outside Japan</source>
        <translation>国外でデータを取り扱う</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deep in a re-entrustment chain</source>
        <translation>再委託の階層が深い</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from level</source>
        <translation>次以上:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No completed assessment</source>
        <translation>完了した評価がない</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weak assessment score</source>
        <translation>評価の点数が低い</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>below</source>
        <translation>未満:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open critical or major findings</source>
        <translation>重大・重要な指摘事項が未対応</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings past their due date</source>
        <translation>期限を過ぎた指摘事項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required clauses missing from contracts</source>
        <translation>契約に必要条項が不足</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The medium threshold must be at least 1 and below the high threshold.</source>
        <translation>「中」の基準は 1 点以上で、「高」の基準より小さくしてください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A medium volume must start below a large volume.</source>
        <translation>中程度の本人数は、多い場合の基準より小さくしてください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A weak score is a share between 1 and 100 %.</source>
        <translation>低い評価の基準は 1〜100 % で指定してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A deep chain starts at level 1 or deeper.</source>
        <translation>深い再委託は 1 次以上で指定してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A higher tier must be audited at least as often as a lower one.</source>
        <translation>リスクの高い区分ほど、監査の間隔を短く（同じ以下に）してください。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved. Tiers and due dates are being recomputed.</source>
        <translation>保存しました。リスク区分と次回監査日を再計算しています。</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <location filename="../../ui/views/assessment_panels.py" line="+39"/>
        <source>Must-pass questions not met</source>
        <translation>満たされていない必須の設問</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 of %2 points (%3)</source>
        <translation>%2 点中 %1 点（%3）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Passes from %1 of the points, without conditions from %2.</source>
        <translation>得点率 %1 以上で合格、%2 以上で条件なし承認。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result if completed now</source>
        <translation>今完了した場合の結果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passes: %1</source>
        <translation>合格: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fails: %1</source>
        <translation>不合格: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 must-pass questions are not fully met, whatever the total.</source>
        <translation>必須の設問 %1 件が満たされていません（合計点にかかわらず不合格）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The score is below the pass mark.</source>
        <translation>点数が合格基準に達していません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The score is below the mark for approval without conditions.</source>
        <translation>点数が条件なし承認の基準に達していません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unanswered: %1 (they count as 0 points)</source>
        <translation>未回答: %1 件（0 点として計算）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every question is answered.</source>
        <translation>すべての設問に回答済みです。</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../ui/views/settings_view.py" line="+39"/>
        <source>Follow the system</source>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save register settings</source>
        <translation>台帳の設定を保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer</source>
        <translation>このコンピューター</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This register (shared by everyone who uses it)</source>
        <translation>この台帳（利用者全員で共有）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Company name on reports</source>
        <translation>レポートに記載する会社名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report paper size</source>
        <translation>レポートの用紙サイズ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiscal year starts in month</source>
        <translation>事業年度の開始月</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <source>Logo on reports</source>
        <translation>レポートのロゴ</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Register</source>
        <translation>台帳</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Location</source>
        <translation>場所</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema</source>
        <translation>スキーマ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence folder</source>
        <translation>証跡フォルダー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic backups</source>
        <translation>自動バックアップ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose logo…</source>
        <translation>ロゴを選択…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the logo</source>
        <translation>ロゴの選択</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>画像 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not an image Calmi Vendors can read.</source>
        <translation>%1 は Calmi Vendors が読み込める画像ではありません。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+20"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The new language applies the next time Calmi Vendors starts.</source>
        <translation>表示言語の変更は、次回 Calmi Vendors を起動したときに反映されます。</translation>
    </message>
</context>
<context>
    <name>StartReviewDialog</name>
    <message>
        <location filename="../../ui/views/program_review_dialogs.py" line="-342"/>
        <source>Start a program review</source>
        <translation>年次見直しの開始</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who conducts the review</source>
        <translation>見直しを実施する人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The register&apos;s figures are taken as of the review date; they can be refreshed later.</source>
        <translation>台帳の数値は見直し日時点で取得します。後から更新できます。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review date</source>
        <translation>見直し日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer</source>
        <translation>実施者</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Give the name of the reviewer.</source>
        <translation>見直しの実施者を入力してください。</translation>
    </message>
</context>
<context>
    <name>TierOverrideDialog</name>
    <message>
        <location filename="../../ui/views/tier_dialog.py" line="+28"/>
        <source>Risk tier</source>
        <translation>リスク区分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As computed (%1)</source>
        <translation>計算どおり（%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none yet</source>
        <translation>未計算</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why the computed tier does not fit this party</source>
        <translation>計算されたリスク区分がこの委託先に合わない理由</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tier</source>
        <translation>区分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Say why the computed tier is overridden.</source>
        <translation>リスク区分を変更する理由を入力してください。</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="-177"/>
        <source>Show these parties in the register</source>
        <translation>該当する委託先を台帳で表示</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../../ui/application.py" line="+76"/>
        <source>Building the demo register…</source>
        <translation>デモ用の台帳を作成しています…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Open a register</source>
        <translation>台帳を開く</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calmi Vendors register (*.sqlite3 *.db);;All files (*)</source>
        <translation>Calmi Vendors 台帳 (*.sqlite3 *.db);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../ui/views/welcome.py" line="+27"/>
        <source>Welcome to %1</source>
        <translation>%1 へようこそ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep the register of the parties you entrust personal information to: selection, consignment contracts, assessments, supervision audits and reports.&lt;br&gt;&lt;br&gt;There is no register on this computer yet. It will be kept in:&lt;br&gt;&lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>個人情報の取扱いを委託する委託先の台帳です。選定、委託契約、評価、監査、報告書を管理します。&lt;br&gt;&lt;br&gt;このコンピューターにはまだ台帳がありません。台帳は次の場所に作成されます:&lt;br&gt;&lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Import an Excel list</source>
        <translation>Excel の一覧を取り込む</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new register from the vendor list you keep today (.xlsx, .xls, .csv).</source>
        <translation>現在お使いの委託先一覧（.xlsx・.xls・.csv）から新しい台帳を作成します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create an empty register</source>
        <translation>空の台帳を作成する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the entrusted parties one by one.</source>
        <translation>委託先を 1 件ずつ登録します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Try the demo register</source>
        <translation>デモ用の台帳を試す</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>200 made-up parties with contracts, audits and findings, kept apart from your data.</source>
        <translation>契約・監査・指摘事項を含む架空の委託先 200 件。実際の台帳とは別に保存されます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a register file…</source>
        <translation>台帳ファイルを開く…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A register copied from another computer or a backup.</source>
        <translation>他のコンピューターからコピーした台帳やバックアップ。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
</context>
</TS>
