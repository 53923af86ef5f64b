; Inno Setup script for Windows 10/11 workstations: build the PyInstaller folder first
; (`pyinstaller installers\backoffice.spec`), then `iscc installers\backoffice.iss`.
[Setup]
AppName=e-Ternopil back office
AppVersion=0.1.0
AppPublisher=Ternopil City Council
DefaultDirName={autopf}\e-Ternopil back office
DefaultGroupName=e-Ternopil
OutputBaseFilename=e-ternopil-backoffice-setup
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=admin

[Languages]
Name: "ukrainian"; MessagesFile: "compiler:Languages\Ukrainian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\e-ternopil-backoffice\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs

[Icons]
Name: "{group}\е-Тернопіль — робоче місце"; Filename: "{app}\e-ternopil-backoffice.exe"
Name: "{commondesktop}\е-Тернопіль"; Filename: "{app}\e-ternopil-backoffice.exe"
