package main

import (
	"database/sql"
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// ruleid: go-hardcoded-credentials
const moderatorPassword = "M0d3r4t0r!2024"

var jwtKey = []byte("my-signing-key")

type account struct {
	Username string
	Password string
}

var accounts = []account{
	// ruleid: go-hardcoded-credentials
	{Username: "alice", Password: "wonderland42"},
}

func login(w http.ResponseWriter, r *http.Request) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"exp": time.Now().Add(time.Hour).Unix()})
	// ruleid: go-hardcoded-credentials
	signed, _ := token.SignedString(jwtKey)
	// ruleid: go-hardcoded-credentials
	other, _ := token.SignedString([]byte("your-secret-key"))
	w.Write([]byte(signed + other))
}

func fromEnvKey(w http.ResponseWriter, r *http.Request) {
	token := jwt.New(jwt.SigningMethodHS256)
	// ok: go-hardcoded-credentials
	signed, _ := token.SignedString([]byte(os.Getenv("JWT_SECRET")))
	w.Write([]byte(signed))
}

func clientSecretVar() string {
	// ruleid: go-hardcoded-credentials
	clientSecret := "9f8e7d6c5b4a"
	return clientSecret
}

func compare(w http.ResponseWriter, r *http.Request) {
	password := r.URL.Query().Get("password")
	// ok: go-hardcoded-credentials
	if password == "s3cr3tValue" {
		w.Write([]byte("true"))
	}
}

func dummyValue() string {
	// ok: go-hardcoded-credentials
	adminPassword := "changeme"
	return adminPassword
}

func tokenName() string {
	// ok: go-hardcoded-credentials
	apiToken := "sk_live_51HxYzAbCdEf"
	return apiToken
}

func hashedName() string {
	// ok: go-hardcoded-credentials
	passwordHash := "$2a$10$abcdefghijklmnopqrstuv"
	return passwordHash
}

func fieldName(r *http.Request) string {
	// ok: go-hardcoded-credentials
	password := os.Getenv("MOD_PASSWORD")
	return r.FormValue(password)
}

func open() (*sql.DB, error) {
	// ok: go-hardcoded-credentials
	return sql.Open("postgres", os.Getenv("DATABASE_URL"))
}

// ruleid: go-hardcoded-credentials
const signingKeyPEM = `-----BEGIN RSA PRIVATE KEY-----
MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu
-----END RSA PRIVATE KEY-----`

// ok: go-hardcoded-credentials
const publicKeyPEM = `-----BEGIN PUBLIC KEY-----
MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf
-----END PUBLIC KEY-----`
