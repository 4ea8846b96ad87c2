@echo off
rem mde-profiles, from the release archive, for Windows: needs Java 17 or later
rem (JAVA_HOME, or java on the PATH), nothing else.
setlocal
set "BIN=%~dp0"
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=warning:stderr -jar "%BIN%..\lib\mde-profiles.jar" %*
exit /b %ERRORLEVEL%
