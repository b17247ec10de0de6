; Inno Setup script for Companion (Inno Setup 6). Built by .github/workflows/build.yml from the
; PyInstaller folder dist\companion. Per-user or per-machine; silent install and uninstall:
;   companion-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART [/ALLUSERS | /CURRENTUSER]
;     [/MERGETASKS="!autostart"]
;   unins000.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
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
Filename: "{app}\companion.exe"; Description: "Start Companion now"; \
  Flags: nowait postinstall skipifsilent

[UninstallRun]
; Quits the uninstalling user's Companion so its files can go; `quit` creates no data folder
; for an account that never ran it. Files another user's Companion still holds (per-machine)
; cannot go while it runs: the uninstaller leaves them for the next restart.
Filename: "{app}\companion.exe"; Parameters: "quit"; Flags: runhidden skipifdoesntexist; \
  RunOnceId: "QuitCompanion"

[Code]
// The Run value the app writes when the agent turns "Start with my computer" on.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    RegDeleteValue(HKEY_CURRENT_USER, 'Software\Microsoft\Windows\CurrentVersion\Run', 'Companion');
end;
