@echo off
rem ---------------------------------------------------------------------------
rem WIN Events Maven wrapper for Windows (written for this project; not the
rem Apache wrapper). Same behaviour as ./mvnw:
rem  1. if mvn on the PATH is Maven 3.8 or newer, run it;
rem  2. otherwise download the Maven pinned in .mvn\wrapper\maven-wrapper.properties
rem     once into %MAVEN_USER_HOME% (default %USERPROFILE%\.m2)\wrapper\dists\
rem     with PowerShell (SHA-512 checked, unpacked with Windows' tar.exe) and run it.
rem Environment: MVNW_REPOURL, MVNW_USE_SYSTEM_MAVEN=false, MVNW_VERBOSE=true,
rem MAVEN_USER_HOME (see mvnw).
rem ---------------------------------------------------------------------------
setlocal EnableExtensions DisableDelayedExpansion

set "MVNW_BASEDIR=%~dp0"
if "%MVNW_BASEDIR:~-1%"=="\" set "MVNW_BASEDIR=%MVNW_BASEDIR:~0,-1%"
set "MAVEN_PROJECTBASEDIR=%MVNW_BASEDIR%"
set "MVNW_PROPS=%MVNW_BASEDIR%\.mvn\wrapper\maven-wrapper.properties"

rem Stay in the current directory when it is inside the project, else build this project.
set "MVNW_CWD=%CD%\"
call set "MVNW_REL=%%MVNW_CWD:*%MVNW_BASEDIR%\=%%"
if "%MVNW_REL%"=="%MVNW_CWD%" cd /d "%MVNW_BASEDIR%"

rem --- 1. Maven on the PATH ---------------------------------------------------
if /i "%MVNW_USE_SYSTEM_MAVEN%"=="false" goto pinned
set "MVNW_SYSTEM_MVN="
for /f "delims=" %%i in ('where mvn.cmd 2^>nul') do if not defined MVNW_SYSTEM_MVN set "MVNW_SYSTEM_MVN=%%i"
if not defined MVNW_SYSTEM_MVN goto pinned
set "MVNW_SYSTEM_VERSION="
for /f "tokens=3" %%v in ('call "%MVNW_SYSTEM_MVN%" -B --version 2^>nul ^| findstr /c:"Apache Maven"') do if not defined MVNW_SYSTEM_VERSION set "MVNW_SYSTEM_VERSION=%%v"
if not defined MVNW_SYSTEM_VERSION goto pinned
set "MVNW_MAJOR=0"
set "MVNW_MINOR=0"
for /f "tokens=1,2 delims=.-" %%a in ("%MVNW_SYSTEM_VERSION%") do set "MVNW_MAJOR=%%a" & set "MVNW_MINOR=%%b"
set /a "MVNW_MAJOR=MVNW_MAJOR+0, MVNW_MINOR=MVNW_MINOR+0" 2>nul || goto pinned
if %MVNW_MAJOR% GTR 3 goto system
if %MVNW_MAJOR% EQU 3 if %MVNW_MINOR% GEQ 8 goto system
if /i "%MVNW_VERBOSE%"=="true" echo mvnw: ignoring %MVNW_SYSTEM_MVN% (Maven %MVNW_SYSTEM_VERSION% is older than 3.8) 1>&2
goto pinned

:system
if /i "%MVNW_VERBOSE%"=="true" echo mvnw: using %MVNW_SYSTEM_MVN% (Maven %MVNW_SYSTEM_VERSION%) 1>&2
rem Hand over to mvn.cmd (no CALL: arguments with carets stay intact; its exit code is ours).
"%MVNW_SYSTEM_MVN%" %*

rem --- 2. pinned Maven ---------------------------------------------------------
:pinned
if not exist "%MVNW_PROPS%" (
  set "MVNW_ERR=%MVNW_PROPS% is missing and no Maven 3.8 or newer is on the PATH"
  goto fail
)
set "MVNW_VERSION="
set "MVNW_SHA512="
for /f "usebackq eol=# tokens=1,* delims==" %%a in ("%MVNW_PROPS%") do (
  if "%%a"=="distributionVersion" set "MVNW_VERSION=%%b"
  if "%%a"=="distributionSha512Sum" set "MVNW_SHA512=%%b"
)
if not defined MVNW_VERSION (
  set "MVNW_ERR=distributionVersion is not set in %MVNW_PROPS%"
  goto fail
)

set "MVNW_USER_HOME=%MAVEN_USER_HOME%"
if not defined MVNW_USER_HOME set "MVNW_USER_HOME=%USERPROFILE%\.m2"
set "MVNW_DISTS=%MVNW_USER_HOME%\wrapper\dists"
set "MVNW_MAVEN_HOME=%MVNW_DISTS%\apache-maven-%MVNW_VERSION%"
if exist "%MVNW_MAVEN_HOME%\bin\mvn.cmd" goto runpinned

set "MVNW_BASEURL=%MVNW_REPOURL%"
if defined MVNW_BASEURL if "%MVNW_BASEURL:~-1%"=="/" set "MVNW_BASEURL=%MVNW_BASEURL:~0,-1%"
if defined MVNW_BASEURL (
  set "MVNW_URL=%MVNW_BASEURL%/org/apache/maven/apache-maven/%MVNW_VERSION%/apache-maven-%MVNW_VERSION%-bin.tar.gz"
) else (
  set "MVNW_URL=https://archive.apache.org/dist/maven/maven-3/%MVNW_VERSION%/binaries/apache-maven-%MVNW_VERSION%-bin.tar.gz"
)
echo mvnw: Maven 3.8 or newer not found on the PATH; downloading Maven %MVNW_VERSION% 1>&2
echo mvnw:   from %MVNW_URL% 1>&2
echo mvnw:   into %MVNW_MAVEN_HOME% 1>&2

rem The PowerShell script reads its inputs from MVNW_* environment variables
rem (no double quotes inside it, so cmd passes it through untouched).
set "MVNW_PS=$ErrorActionPreference='Stop'; $ProgressPreference='SilentlyContinue';"
set "MVNW_PS=%MVNW_PS% [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12;"
set "MVNW_PS=%MVNW_PS% $v = $env:MVNW_VERSION; $url = $env:MVNW_URL; $dst = $env:MVNW_MAVEN_HOME;"
set "MVNW_PS=%MVNW_PS% [void](New-Item -ItemType Directory -Force -Path $env:MVNW_DISTS);"
set "MVNW_PS=%MVNW_PS% $tmp = Join-Path $env:MVNW_DISTS ('.apache-maven-' + $v + '.' + [guid]::NewGuid()); [void](New-Item -ItemType Directory -Path $tmp);"
set "MVNW_PS=%MVNW_PS% try {"
set "MVNW_PS=%MVNW_PS%   $file = Join-Path $tmp ('apache-maven-' + $v + '-bin.tar.gz');"
set "MVNW_PS=%MVNW_PS%   try { Invoke-WebRequest -UseBasicParsing -Uri $url -OutFile $file } catch { throw ('download failed: ' + $url + ' - ' + $_.Exception.Message + ' (check the network/proxy, set MVNW_REPOURL, or install Maven 3.8 or newer)') };"
set "MVNW_PS=%MVNW_PS%   if ($env:MVNW_SHA512) {"
set "MVNW_PS=%MVNW_PS%     $actual = (Get-FileHash -Algorithm SHA512 -LiteralPath $file).Hash.ToLower();"
set "MVNW_PS=%MVNW_PS%     if ($actual -ne $env:MVNW_SHA512.Trim().ToLower()) { throw ('SHA-512 mismatch for ' + $url + ': expected ' + $env:MVNW_SHA512 + ', actual ' + $actual + '; nothing was installed') }"
set "MVNW_PS=%MVNW_PS%   } else { [Console]::Error.WriteLine('mvnw: warning: distributionSha512Sum is empty; the download is NOT verified') };"
set "MVNW_PS=%MVNW_PS%   $tar = Join-Path $env:SystemRoot 'System32\tar.exe'; if (-not (Test-Path $tar)) { $tar = 'tar' };"
set "MVNW_PS=%MVNW_PS%   & $tar -xzf $file -C $tmp; if ($LASTEXITCODE -ne 0) { throw 'cannot unpack the archive (needs tar.exe: Windows 10 1803 or newer)' };"
set "MVNW_PS=%MVNW_PS%   $src = Join-Path $tmp ('apache-maven-' + $v);"
set "MVNW_PS=%MVNW_PS%   if (-not (Test-Path (Join-Path $src 'bin\mvn.cmd'))) { throw ('the archive does not contain apache-maven-' + $v + '\bin\mvn.cmd') };"
set "MVNW_PS=%MVNW_PS%   if (-not (Test-Path (Join-Path $dst 'bin\mvn.cmd'))) { if (Test-Path $dst) { Remove-Item -Recurse -Force $dst }; Move-Item $src $dst }"
set "MVNW_PS=%MVNW_PS% } catch { [Console]::Error.WriteLine('mvnw: error: ' + $_.Exception.Message); exit 1 }"
set "MVNW_PS=%MVNW_PS% finally { Remove-Item -Recurse -Force $tmp -ErrorAction SilentlyContinue }"

powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "%MVNW_PS%"
if errorlevel 1 (
  set "MVNW_ERR=could not install Maven %MVNW_VERSION% (see the message above)"
  goto fail
)
if not exist "%MVNW_MAVEN_HOME%\bin\mvn.cmd" (
  set "MVNW_ERR=Maven %MVNW_VERSION% was not installed in %MVNW_MAVEN_HOME%"
  goto fail
)
echo mvnw: Maven %MVNW_VERSION% installed in %MVNW_MAVEN_HOME% 1>&2

:runpinned
if /i "%MVNW_VERBOSE%"=="true" echo mvnw: using %MVNW_MAVEN_HOME%\bin\mvn.cmd 1>&2
"%MVNW_MAVEN_HOME%\bin\mvn.cmd" %*

:fail
echo mvnw: error: %MVNW_ERR% 1>&2
endlocal & exit /b 1
