; Inno Setup script for Companion (Inno Setup 6). Built by .github/workflows/build.yml from the
; PyInstaller folder dist\companion. Per-user or per-machine; silent install and uninstall:
;   companion-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART [/ALLUSERS | /CURRENTUSER]
;   unins000.exe /VERYSILENT /SUPPRESSMSGBOXES
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

[Tasks]
Name: "autostart"; Description: "Start Companion when I log in"; Flags: checkedonce

[Files]
Source: "..\..\dist\companion\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Companion"; Filename: "{app}\companion.exe"

[Registry]
; HKA = HKLM for per-machine installs, HKCU for per-user ones.
Root: HKA; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; \
  ValueName: "Companion"; ValueData: """{app}\companion.exe"""; Tasks: autostart; \
  Flags: uninsdeletevalue

[Run]
Filename: "{app}\companion.exe"; Description: "Start Companion now"; \
  Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{app}\companion.exe"; Parameters: "quit"; Flags: runhidden skipifdoesntexist; \
  RunOnceId: "QuitCompanion"
