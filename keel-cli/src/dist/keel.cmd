@echo off
rem Keel launcher for Windows, in an unpacked release archive (lib\keel.jar beside this file).
rem Needs a JDK 21 or newer: JAVA_HOME, else java on PATH. KEEL_JAVA_OPTS adds JVM options.
setlocal
set "KEEL_JAR=%~dp0lib\keel.jar"
if defined JAVA_HOME (
  set "KEEL_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "KEEL_JAVA=java.exe"
)
if defined JAVA_HOME if not exist "%KEEL_JAVA%" (
  echo keel: JAVA_HOME=%JAVA_HOME% has no bin\java.exe; set JAVA_HOME to a JDK 21 or newer 1>&2
  exit /b 2
)
if not defined JAVA_HOME (
  where java.exe >nul 2>nul || (
    echo keel: no Java found; install a JDK 21 or newer and set JAVA_HOME 1>&2
    exit /b 2
  )
)
"%KEEL_JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss16m -Dkeel.stderr.tty=false %KEEL_JAVA_OPTS% -jar "%KEEL_JAR%" %*
exit /b %ERRORLEVEL%
