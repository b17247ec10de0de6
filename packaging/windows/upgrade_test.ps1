# A silent upgrade over a running Companion starts it again (companion.iss: [Code] notes it,
# [Run] with Check: CompanionWasRunning relaunches it). Per user: there the installer runs as
# the agent, in their session. Run by .github/workflows/build.yml after smoke_test.ps1:
#   pwsh packaging/windows/upgrade_test.ps1 -Setup <companion-setup-*.exe>
param([Parameter(Mandatory = $true)] [string] $Setup)
$ErrorActionPreference = "Stop"
$app = Join-Path $env:LOCALAPPDATA "Programs\Companion"
$exe = Join-Path $app "companion.exe"
$temp = if ($env:RUNNER_TEMP) { $env:RUNNER_TEMP } else { $env:TEMP }

function Install([string] $Log) {
    $arguments = @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER", "/LOG=`"$Log`"")
    $process = Start-Process -FilePath $Setup -ArgumentList $arguments -Wait -PassThru
    if ($process.ExitCode -ne 0) {
        if (Test-Path $Log) { Get-Content $Log -Tail 40 }
        throw "the installer ended with exit code $($process.ExitCode)"
    }
}

function Wait-Until([scriptblock] $Condition, [string] $What) {
    $deadline = (Get-Date).AddSeconds(90)
    while (-not (& $Condition)) {
        if ((Get-Date) -gt $deadline) { throw "gave up waiting: $What" }
        Start-Sleep -Milliseconds 500
    }
}

function Companion-Ids {
    @(Get-Process -Name companion -ErrorAction SilentlyContinue | ForEach-Object { $_.Id })
}

Install (Join-Path $temp "upgrade-first.log")
$first = Start-Process -FilePath $exe -PassThru
Wait-Until { (Companion-Ids) -contains $first.Id } "Companion to start"

$log = Join-Path $temp "upgrade-second.log"
Install $log
Wait-Until { (Companion-Ids | Where-Object { $_ -ne $first.Id }).Count -ge 1 } "Companion to start again after the upgrade"
if ((Companion-Ids) -contains $first.Id) { throw "the Companion from before the upgrade still runs" }
Write-Host "ok: the silent upgrade quit Companion and started it again"

# Leave the machine as it was: quit, uninstall, and remove the data folder this run made.
Start-Process -FilePath $exe -ArgumentList "quit" -Wait | Out-Null
Wait-Until { (Companion-Ids).Count -eq 0 } "Companion to quit"
Start-Process -FilePath (Join-Path $app "unins000.exe") -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART" -Wait | Out-Null
Wait-Until { -not (Test-Path $app) } "the uninstaller to finish"
Remove-Item -Recurse -Force (Join-Path $env:LOCALAPPDATA "companion") -ErrorAction SilentlyContinue
