package main

import (
	"log"
	"net"
	"net/http"
	"os/exec"
	"strings"
)

// ping runs the system ping command against the URL given in the GET parameter "url"
// and tells the user whether the host is reachable.
func ping(w http.ResponseWriter, r *http.Request) {
	ip := net.ParseIP(strings.TrimSpace(r.URL.Query().Get("url")))
	if ip == nil {
		http.Error(w, "please give an IP address", http.StatusBadRequest)
		return
	}
	out, err := exec.Command("ping", "-c", "1", ip.String()).CombinedOutput()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
	}
	w.Write(out)
}

func main() {
	http.HandleFunc("/ping", ping)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
