# Silent install, what it put where, the installed --self-test, silent uninstall, nothing left.
# Run by .github/workflows/build.yml for both scopes:
#   pwsh packaging/windows/smoke_test.ps1 -Setup <companion-setup-*.exe> -Scope CurrentUser
#   pwsh packaging/windows/smoke_test.ps1 -Setup <companion-setup-*.exe> -Scope AllUsers
param(
    [Parameter(Mandatory = $true)] [string] $Setup,
    [ValidateSet("CurrentUser", "AllUsers")] [string] $Scope = "CurrentUser"
)
$ErrorActionPreference = "Stop"
$runKey = "Software\Microsoft\Windows\CurrentVersion\Run"
if ($Scope -eq "AllUsers") {
    $scopeSwitch = "/ALLUSERS"
    $app = Join-Path $env:ProgramFiles "Companion"
    $menu = Join-Path $env:ProgramData "Microsoft\Windows\Start Menu\Programs\Companion.lnk"
    $runPath = "HKLM:\$runKey"
} else {
    $scopeSwitch = "/CURRENTUSER"
    $app = Join-Path $env:LOCALAPPDATA "Programs\Companion"
    $menu = Join-Path $env:APPDATA "Microsoft\Windows\Start Menu\Programs\Companion.lnk"
    $runPath = "HKCU:\$runKey"
}
$exe = Join-Path $app "companion.exe"
$temp = if ($env:RUNNER_TEMP) { $env:RUNNER_TEMP } else { $env:TEMP }

# Start-Process does not quote its arguments: paths are passed with their quotes.
function Invoke-AndWait([string] $File, [string[]] $Arguments) {
    $process = Start-Process -FilePath $File -ArgumentList $Arguments -Wait -PassThru
    return $process.ExitCode
}

function Get-RunValue([string] $Path) {
    $key = Get-ItemProperty -Path $Path -ErrorAction SilentlyContinue
    if ($null -eq $key) { return $null }
    return $key.Companion
}

$log = Join-Path $temp "setup-$Scope.log"
$code = Invoke-AndWait $Setup @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", $scopeSwitch, "/LOG=`"$log`"")
if ($code -ne 0) {
    if (Test-Path $log) { Get-Content $log -Tail 40 }
    throw "the installer ended with exit code $code"
}
foreach ($path in @($exe, $menu)) {
    if (-not (Test-Path $path)) { throw "the installer did not create $path" }
}
$expected = "`"$exe`" --background"
$value = Get-RunValue $runPath
if ($value -ne $expected) { throw "Run value in $runPath is '$value', expected '$expected'" }

$report = Join-Path $temp "self-test-$Scope.txt"
$code = Invoke-AndWait $exe @("--self-test", "--report", "`"$report`"")
if (Test-Path $report) { Get-Content $report } else { Write-Host "no self-test report was written" }
if ($code -ne 0) { throw "the installed self-test ended with exit code $code" }

$code = Invoke-AndWait (Join-Path $app "unins000.exe") @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
if ($code -ne 0) { throw "the uninstaller ended with exit code $code" }
# The uninstaller hands over to a copy of itself in %TEMP%: give it time to finish.
$deadline = (Get-Date).AddSeconds(90)
while ((Test-Path $app) -and ((Get-Date) -lt $deadline)) { Start-Sleep -Seconds 1 }
foreach ($path in @($app, $menu)) {
    if (Test-Path $path) { throw "the uninstaller left $path behind" }
}
foreach ($path in @("HKCU:\$runKey", "HKLM:\$runKey")) {
    if ($null -ne (Get-RunValue $path)) { throw "the uninstaller left the Run value in $path" }
}
# Nothing ran Companion for this account (the self-test uses a temporary folder, and the
# uninstaller's `companion quit` must not make one).
$data = Join-Path $env:LOCALAPPDATA "companion"
if (Test-Path $data) { throw "a data folder appeared: $data" }
Write-Host "ok: $Scope install, self-test and uninstall"
