; Inno Setup script for Companion (Inno Setup 6). Built by .github/workflows/build.yml from the
; PyInstaller folder dist\companion. Per-user or per-machine; silent install and uninstall:
;   companion-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART [/ALLUSERS | /CURRENTUSER]
;     [/MERGETASKS="!autostart"]
;   unins000.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Signed when the build defines Sign and passes the sign tool (packaging/windows/sign.py):
;   iscc /DSign "/Scompanion=python packaging\windows\sign.py $f" companion.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B1C8B9E-6C5E-4D8E-9B61-6F4C2A1D7E21}
AppName=Companion
AppVersion={#AppVersion}
AppPublisher=Companion
DefaultDirName={autopf}\Companion
DefaultGroupName=Companion
DisableProgramGroupPage=yes
; Per-user by default (no admin rights needed); /ALLUSERS installs for every user.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
OutputBaseFilename=companion-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\companion.exe
CloseApplications=yes
#ifdef Sign
; The setup program and its uninstaller, signed as ISCC writes them.
SignTool=companion
SignedUninstaller=yes
#endif
; The uninstaller removes the uninstalling user's own Run value ([Code] below), also when the
; install was per-machine.
UsedUserAreasWarning=no

[Tasks]
Name: "autostart"; Description: "Start Companion when I log in"; Flags: checkedonce

[Files]
Source: "..\..\dist\companion\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Companion"; Filename: "{app}\companion.exe"

[Registry]
; HKA = HKLM for per-machine installs, HKCU for per-user ones; the same value name the app
; writes, so a per-user install's entry is the agent's own. --background starts Companion
; quietly in the tray, and ends it at once for an agent who turned "Start with my computer"
; off: that is how an HKLM value (which an agent cannot remove) respects their choice.
Root: HKA; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; \
  ValueName: "Companion"; ValueData: """{app}\companion.exe"" --background"; \
  Tasks: autostart; Flags: uninsdeletevalue

[Run]
; An upgrade over a running Companion starts it again, silent (/VERYSILENT) or not: no
; postinstall flag, so the entry runs in every mode when the Check says so, as the agent who
; ran the installer (runasoriginaluser), not elevated. See "[Run] & [UninstallRun] sections"
; in Inno Setup's help (jrsoftware.org/ishelp/topic_runsection.htm). Not the Restart Manager
; (RestartApplications): it restarts only programs that call RegisterApplicationRestart.
Filename: "{app}\companion.exe"; Flags: nowait runasoriginaluser; Check: CompanionWasRunning
Filename: "{app}\companion.exe"; Description: "Start Companion now"; \
  Flags: nowait postinstall skipifsilent; Check: CompanionWasNotRunning

[UninstallRun]
; Quits the uninstalling user's Companion so its files can go; `quit` creates no data folder
; for an account that never ran it. Files another user's Companion still holds (per-machine)
; cannot go while it runs: the uninstaller leaves them for the next restart.
Filename: "{app}\companion.exe"; Parameters: "quit"; Flags: runhidden skipifdoesntexist; \
  RunOnceId: "QuitCompanion"

[Code]
var
  WasRunning: Boolean;

// True when companion.exe runs for the account running this installer. tasklist's filters
// and find's exit code (0: found) are documented Windows commands.
function CompanionRunsForThisUser(): Boolean;
var
  ResultCode: Integer;
  Query: String;
begin
  Query := '/C tasklist /NH /FI "IMAGENAME eq companion.exe" /FI "USERNAME eq ' +
    GetUserNameString() + '" | find /I "companion.exe" >NUL';
  Result := Exec(ExpandConstant('{cmd}'), Query, '', SW_HIDE, ewWaitUntilTerminated, ResultCode)
    and (ResultCode = 0);
end;

// Before any file is replaced: note whether Companion runs, and quit it the way its tray
// menu does (its journal closes cleanly); the Restart Manager (CloseApplications) closes
// whatever still holds a file after that.
function PrepareToInstall(var NeedsRestart: Boolean): String;
var
  ResultCode: Integer;
  Installed: String;
begin
  Result := '';
  WasRunning := CompanionRunsForThisUser();
  Installed := ExpandConstant('{app}\companion.exe');
  if WasRunning and FileExists(Installed) then
    Exec(Installed, 'quit', '', SW_HIDE, ewWaitUntilTerminated, ResultCode);
end;

function CompanionWasRunning(): Boolean;
begin
  Result := WasRunning;
end;

function CompanionWasNotRunning(): Boolean;
begin
  Result := not WasRunning;
end;

// The Run value the app writes when the agent turns "Start with my computer" on.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    RegDeleteValue(HKEY_CURRENT_USER, 'Software\Microsoft\Windows\CurrentVersion\Run', 'Companion');
end;
