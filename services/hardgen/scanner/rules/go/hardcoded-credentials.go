package main

import (
	"crypto/subtle"
	"net/http"
	"os"
)

// ruleid: go-hardcoded-credentials
const moderatorPassword = "M0d3r4t0r!2024"

type account struct {
	Username string
	Password string
}

var accounts = []account{
	// ruleid: go-hardcoded-credentials
	{Username: "alice", Password: "wonderland42"},
}

func compare(w http.ResponseWriter, r *http.Request) {
	username := r.URL.Query().Get("username")
	password := r.URL.Query().Get("password")
	// ruleid: go-hardcoded-credentials
	if username == "admin" && password == "s3cr3t" {
		w.Write([]byte("true"))
	}
}

func shortVar() bool {
	// ruleid: go-hardcoded-credentials
	apiKey := "sk_live_51HxYzAbCdEf"
	return apiKey != ""
}

func constantTime(modPassword string) bool {
	// ruleid: go-hardcoded-credentials
	return subtle.ConstantTimeCompare([]byte(modPassword), []byte("letmein99")) == 1
}

func fromEnv() string {
	// ok: go-hardcoded-credentials
	password := os.Getenv("MOD_PASSWORD")
	return password
}

func fieldName(r *http.Request) string {
	// ok: go-hardcoded-credentials
	passwordField := "password"
	return r.FormValue(passwordField)
}

func emptyCheck(password string) bool {
	// ok: go-hardcoded-credentials
	return password == ""
}

func username(u string) bool {
	// ok: go-hardcoded-credentials
	return u == "moderator"
}
